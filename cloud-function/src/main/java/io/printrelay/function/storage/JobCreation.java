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
import io.printrelay.table.OperatorUpdates;
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
 * the refusal (or, should DynamoDB not return the item, from a read of the claim). A resume's job
 * is written the same way with the mark on the job it resumes instead of a claim. Conflicts with a
 * concurrent transaction on the same key are retried by {@link Transact}.
 */
final class JobCreation {
  private static final int CLAIM = 1;
  private static final int RESUMED = 1;

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

  /**
   * The job and its parent's {@code resumedAs}, under the FOLLOW_UP condition and "not resumed
   * yet". The parent's status is final, so a refusal means another resume made its job first: the
   * refused item names it.
   */
  CreateResult createResumption(Job job) {
    String parentId = job.parentJobId();
    List<TransactWriteItem> writes =
        List.of(
            ItemUpdate.putIfAbsent(table, ItemMapper.jobItem(job)),
            OperatorUpdates.resumedAs(parentId, job.jobId(), job.createdAt()).transactItem(table));
    Transact.Outcome outcome = Transact.write(db, writes, Backoff.DYNAMODB);
    if (outcome.committed()) {
      return new Created();
    }
    Map<String, AttributeValue> parent = outcome.refusedItem(RESUMED);
    String resumedAs = parent.isEmpty() ? null : ItemMapper.job(parent).resumedAs();
    if (!outcome.refused(RESUMED) || resumedAs == null) {
      // Only a parent gone (expired) or a job id taken lands here: neither happens in practice.
      throw new IllegalStateException(
          "job "
              + job.jobId()
              + " resuming "
              + parentId
              + " was refused: "
              + outcome.refused().keySet());
    }
    return new Duplicate(resumedAs);
  }
}
