package io.printrelay.function.storage;

import io.printrelay.function.intake.IdempotencyClaim;
import io.printrelay.function.intake.JobStore.CreateResult;
import io.printrelay.function.intake.JobStore.Created;
import io.printrelay.function.intake.JobStore.Duplicate;
import io.printrelay.model.Job;
import io.printrelay.table.Backoff;
import io.printrelay.table.IdempotencyItems;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.ItemUpdate;
import io.printrelay.table.JobQueries;
import io.printrelay.table.Transact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Writes a job item and its idempotency item in one transaction, each only if its key is free: both
 * or neither. A refused claim means a twin request won; its job id and request hash come back with
 * the refusal (or, should DynamoDB not return the item, from a read of the claim). Conflicts with a
 * concurrent transaction on the same key are retried by {@link Transact}.
 */
final class JobCreation {
  private static final int CLAIM = 1;

  private final DynamoDbClient db;
  private final String table;

  JobCreation(DynamoDbClient db, String table) {
    this.db = db;
    this.table = table;
  }

  CreateResult create(Job job, Optional<IdempotencyClaim> claim) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(ItemUpdate.putIfAbsent(table, ItemMapper.jobItem(job)));
    claim.ifPresent(
        c ->
            writes.add(
                ItemUpdate.putIfAbsent(
                    table,
                    IdempotencyItems.claim(
                        c.scope(),
                        c.key(),
                        job.jobId(),
                        c.requestSha256(),
                        c.createdAt(),
                        c.expiresAt()))));
    Transact.Outcome outcome = Transact.write(db, writes, Backoff.DYNAMODB);
    if (outcome.committed()) {
      return new Created();
    }
    if (claim.isEmpty() || !outcome.refused(CLAIM)) {
      throw new IllegalStateException("job " + job.jobId() + " exists already");
    }
    Map<String, AttributeValue> existing = outcome.refusedItem(CLAIM);
    if (IdempotencyItems.jobId(existing).isEmpty()) {
      existing =
          db.getItem(JobQueries.idempotency(table, claim.get().scope(), claim.get().key())).item();
    }
    String jobId =
        IdempotencyItems.jobId(existing)
            .orElseThrow(
                () -> new IllegalStateException("key " + claim.get().key() + " refused unclaimed"));
    return new Duplicate(jobId, IdempotencyItems.requestSha256(existing).orElse(null));
  }
}
