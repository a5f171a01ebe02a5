package io.printrelay.local.awsproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * DynamoDB write capacity, as the service reports it. DynamoDB Local 2.6 answers {@code
 * ConsumedCapacity} when a request carries {@code "ReturnConsumedCapacity": "TOTAL"}: an object for
 * single-item writes, a list (one per table) for batches and transactions. The proxy adds that
 * field to write requests that lack it (the signature then no longer matches the body, which the
 * emulators do not check) and sums {@code CapacityUnits} from the answers, which the SDK parses as
 * an ordinary field the caller never asked for.
 */
final class WriteUnits {
  static final Set<String> WRITES =
      Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");
  private static final String RETURN = "ReturnConsumedCapacity";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WriteUnits() {}

  static boolean isWrite(String operation) {
    return WRITES.contains(operation);
  }

  /** The body with {@code ReturnConsumedCapacity: TOTAL} added; unchanged if it has one already. */
  static byte[] askForTotal(byte[] body) {
    try {
      if (JSON.readTree(body) instanceof ObjectNode request && !request.has(RETURN)) {
        request.put(RETURN, "TOTAL");
        return JSON.writeValueAsBytes(request);
      }
    } catch (IOException notJson) {
      // not ours to fix: forwarded as it came, the service will answer with its error
    }
    return body;
  }

  /** Sum of {@code ConsumedCapacity[].CapacityUnits} in an answer; 0 when there is none. */
  static double reportedIn(byte[] body, String contentEncoding) {
    try (InputStream in = decoded(body, contentEncoding)) {
      JsonNode capacity = JSON.readTree(in).path("ConsumedCapacity");
      if (capacity.isArray()) {
        double sum = 0;
        for (JsonNode table : capacity) {
          sum += table.path("CapacityUnits").asDouble(0);
        }
        return sum;
      }
      return capacity.path("CapacityUnits").asDouble(0);
    } catch (IOException | RuntimeException notJson) {
      return 0;
    }
  }

  private static InputStream decoded(byte[] body, String contentEncoding) throws IOException {
    InputStream raw = new ByteArrayInputStream(body);
    return "gzip".equalsIgnoreCase(contentEncoding) ? new GZIPInputStream(raw) : raw;
  }
}
