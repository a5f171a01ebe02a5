package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The claim of an {@code Idempotency-Key}: which job a client's key made, kept until {@code
 * expiresAt} (DynamoDB TTL). Written in the same transaction as the job, so a key names a job
 * exactly when the job exists.
 */
public final class IdempotencyItems {
  private IdempotencyItems() {}

  public static Map<String, AttributeValue> claim(
      String scope, String key, String jobId, Instant createdAt, Instant expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(ItemKeys.idempotency(scope, key));
    item.put(TYPE, ItemMapper.s(TYPE_IDEMPOTENCY));
    item.put(JOB_ID, ItemMapper.s(jobId));
    item.put(CREATED_AT, ItemMapper.instantValue(createdAt));
    item.put(EXPIRES_AT, ItemMapper.n(expiresAt.getEpochSecond()));
    return item;
  }

  /** The job a claim item names, if it is one. */
  public static java.util.Optional<String> jobId(Map<String, AttributeValue> item) {
    AttributeValue jobId = item == null ? null : item.get(JOB_ID);
    return jobId == null ? java.util.Optional.empty() : java.util.Optional.of(jobId.s());
  }
}
