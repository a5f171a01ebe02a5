package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The claim of an {@code Idempotency-Key}: which job a client's key made, and a hash of the request
 * that made it, kept until {@code expiresAt} (DynamoDB TTL). Written in the same transaction as the
 * job, so a key names a job exactly when the job exists.
 */
public final class IdempotencyItems {
  private IdempotencyItems() {}

  /** A claim that compares no request (a resume's, keyed by the job it resumes). */
  public static Map<String, AttributeValue> claim(
      String scope, String key, String jobId, Instant createdAt, Instant expiresAt) {
    return claim(scope, key, jobId, null, createdAt, expiresAt);
  }

  /**
   * @param requestSha256 hex SHA-256 of the canonical request, so that the same key sent with
   *     another request can be told apart; null when there is none to compare
   */
  public static Map<String, AttributeValue> claim(
      String scope,
      String key,
      String jobId,
      String requestSha256,
      Instant createdAt,
      Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(ItemKeys.idempotency(scope, key));
    item.put(TYPE, ItemMapper.s(TYPE_IDEMPOTENCY));
    item.put(JOB_ID, ItemMapper.s(jobId));
    if (requestSha256 != null) {
      item.put(REQUEST_SHA256, ItemMapper.s(requestSha256));
    }
    item.put(CREATED_AT, ItemMapper.instantValue(createdAt));
    item.put(EXPIRES_AT, ItemMapper.n(expiresAt.getEpochSecond()));
    return item;
  }

  /** The job a claim item names, if it is one. */
  public static Optional<String> jobId(Map<String, AttributeValue> item) {
    return string(item, JOB_ID);
  }

  /** The request hash a claim item holds; empty for claims written without one. */
  public static Optional<String> requestSha256(Map<String, AttributeValue> item) {
    return string(item, REQUEST_SHA256);
  }

  private static Optional<String> string(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item == null ? null : item.get(attribute);
    return value == null ? Optional.empty() : Optional.ofNullable(value.s());
  }
}
