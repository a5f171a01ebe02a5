package io.printrelay.function.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.problem.MalformedRequest;
import io.printrelay.function.problem.PayloadTooLarge;
import io.printrelay.function.problem.UnsupportedMediaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a JSON request body (a submit, an action's arguments, a sign-in) into a JSON tree. It
 * enforces the 5 MiB limit itself: on Netty {@code micronaut.server.max-request-size} refuses
 * bigger bodies earlier, but on Lambda the body arrives inside the API Gateway event and no server
 * limit applies. Controllers read the body as bytes, so that these errors are ours to report.
 */
@Singleton
public class JsonBody {
  public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
  private static final int MAX_DETAIL = 200;

  private final JsonMapper json;

  public JsonBody(JsonMapper json) {
    this.json = json;
  }

  /**
   * The body of a request that must be JSON. A body sent without any Content-Type is a 415 here
   * ({@code @Consumes} lets Micronaut refuse other types itself, but not a missing one).
   *
   * @param what names the body in the 415's detail: "the job", "the arguments"
   */
  public JsonNode read(HttpRequest<?> request, @Nullable byte[] body, String what) {
    if (request.getContentType().isEmpty()) {
      throw new UnsupportedMediaType("Send " + what + " as Content-Type: application/json.");
    }
    return read(body);
  }

  private JsonNode read(@Nullable byte[] body) {
    if (body == null || body.length == 0) {
      throw new MalformedRequest("The body is empty; send a JSON object.");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new PayloadTooLarge(
          "The body is "
              + body.length
              + " bytes; at most "
              + MAX_BODY_BYTES
              + " (5 MiB) are accepted.");
    }
    try {
      JsonNode tree = json.readValue(body, JsonNode.class);
      // The body "null" reads as no tree at all; it is a JSON value that is no object.
      return tree == null ? JsonNode.nullNode() : tree;
    } catch (IOException | RuntimeException e) {
      throw new MalformedRequest("The body is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  /**
   * The body bound to its request record (with Micronaut serde), for the record's rules to check: a
   * record documents, in its {@code @Schema}, exactly what is read. 400 when it is not an object.
   */
  public <T> T bind(JsonNode body, Class<T> type) {
    if (!body.isObject()) {
      throw new MalformedRequest("The body must be a JSON object.");
    }
    return bindObject(body, type);
  }

  /**
   * As {@link #bind}, but a body that is not an object reads as one with none of the record's
   * fields, which its rules then name (a 422 by field, not a 400).
   */
  public <T> T bindFields(JsonNode body, Class<T> type) {
    return bindObject(body.isObject() ? body : JsonNode.createObjectNode(Map.of()), type);
  }

  private <T> T bindObject(JsonNode object, Class<T> type) {
    try {
      return json.readValueFromTree(object, type);
    } catch (IOException | RuntimeException e) {
      throw new MalformedRequest("The body does not fit: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse("unreadable");
    return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
  }
}
