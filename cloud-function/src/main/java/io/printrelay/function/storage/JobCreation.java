package io.printrelay.function.storage;

import io.printrelay.table.Backoff;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.*;

import io.printrelay.function.submit.IdempotencyClaim;
import io.printrelay.function.submit.JobStore.CreateResult;
import io.printrelay.function.submit.JobStore.Created;
import io.printrelay.function.submit.JobStore.Duplicate;
import io.printrelay.model.Job;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes a job item and its idempotency item in one TransactWriteItems, each conditional on not
 * existing: both or neither. A cancelled transaction says why per item: the key already claimed
 * means a twin request won (its job id comes back with the failed condition); a conflict with a
 * concurrent transaction on the same key is retried until one of the two has committed.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
final class JobCreation {
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String CONFLICT = "TransactionConflict";

  private final DynamoDbClient db;
  private final String table;
  private final Backoff backoff;

  JobCreation(DynamoDbClient db, String table, Backoff backoff) {
    this.db = db;
    this.table = table;
    this.backoff = backoff;
  }

  CreateResult create(Job job, Optional<IdempotencyClaim> claim) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(putIfAbsent(ItemMapper.jobItem(job)));
    claim.ifPresent(c -> writes.add(putIfAbsent(claimItem(c, job.jobId()))));
    for (int attempt = 1; ; attempt++) {
      try {
        db.transactWriteItems(b -> b.transactItems(writes));
        return new Created();
      } catch (TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        if (claim.isPresent() && reasons.size() > 1
            && CONDITION_FAILED.equals(reasons.get(1).code())) {
          return new Duplicate(claimedJobId(reasons.get(1), claim.get()));
        }
        boolean conflict = reasons.stream().anyMatch(r -> CONFLICT.equals(r.code()));
        if (!conflict || backoff.exhausted(attempt)) {
          throw cancelled;
        }
        backoff.pause(attempt);
      }
    }
  }

  private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(p -> p.tableName(table).item(item)
            .conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", PK))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
        .build();
  }

  private String claimedJobId(CancellationReason reason, IdempotencyClaim claim) {
    Map<String, AttributeValue> item = reason.item();
    if (item == null || !item.containsKey(JOB_ID)) {
      item = db.getItem(b -> b.tableName(table)
          .key(ItemKeys.idempotency(claim.scope(), claim.key())).consistentRead(true)).item();
    }
    return item.get(JOB_ID).s();
  }

  private static Map<String, AttributeValue> claimItem(IdempotencyClaim claim, String jobId) {
    Map<String, AttributeValue> item = new HashMap<>(ItemKeys.idempotency(claim.scope(), claim.key()));
    item.put(TYPE, s(TYPE_IDEMPOTENCY));
    item.put(JOB_ID, s(jobId));
    item.put(CREATED_AT, ItemMapper.instantValue(claim.createdAt()));
    item.put(EXPIRES_AT, n(claim.expiresAt().getEpochSecond()));
    return item;
  }
}
