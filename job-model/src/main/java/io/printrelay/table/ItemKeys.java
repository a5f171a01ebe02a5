package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Primary keys and index sort keys of the table's items. */
public final class ItemKeys {
  private ItemKeys() {}

  public static String jobPk(String jobId) {
    return "JOB#" + jobId;
  }

  public static Map<String, AttributeValue> job(String jobId) {
    return Map.of(PK, s(jobPk(jobId)), SK, s(JOB_SK));
  }

  /** Zero-padded so labels sort by index within their job. */
  public static String labelSk(int index) {
    return LABEL_SK_PREFIX + String.format("%06d", index);
  }

  public static Map<String, AttributeValue> label(String jobId, int index) {
    return Map.of(PK, s(jobPk(jobId)), SK, s(labelSk(index)));
  }

  public static Map<String, AttributeValue> printer(String printerId) {
    return Map.of(PK, s(PRINTER_PK), SK, s(printerId));
  }

  /**
   * Keys are scoped by the caller (an API key's SHA-256, never its name; or an internal scope), so
   * two clients never share a key space. A scope holds no {@code #}, so no scope and key can spell
   * another's.
   */
  public static Map<String, AttributeValue> idempotency(String scope, String key) {
    return Map.of(PK, s("IDEMPOTENCY#" + scope + "#" + key), SK, s(IDEMPOTENCY_SK));
  }

  /** Sorts by time then id. */
  public static String timeKey(Instant at, String jobId) {
    return instant(at) + "#" + jobId;
  }

  /**
   * Instants are stored as fixed-width UTC text (millisecond precision), so that they sort as
   * strings; {@link Instant#toString()} drops trailing zeros and would not.
   */
  public static String instant(Instant at) {
    return INSTANT.format(at);
  }

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
