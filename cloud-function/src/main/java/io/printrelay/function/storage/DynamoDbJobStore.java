package io.printrelay.function.storage;

import io.printrelay.table.Backoff;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.JobTable.*;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.submit.IdempotencyClaim;
import io.printrelay.function.submit.JobStore;
import io.printrelay.function.submit.NewLabel;
import io.printrelay.model.Job;
import io.printrelay.table.ItemKeys;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link JobStore} on the DynamoDB table; job creation lives in {@link JobCreation}. */
@Singleton
public class DynamoDbJobStore implements JobStore {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbJobStore.class);

  private final DynamoDbClient db;
  private final String table;
  private final JobCreation creation;

  public DynamoDbJobStore(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
    this.creation = new JobCreation(db, table, Backoff.DYNAMODB);
  }

  @Override
  public boolean printerRegistered(String printerId) {
    return db.getItem(b -> b.tableName(table).key(ItemKeys.printer(printerId))
            .projectionExpression(PK).consistentRead(true))
        .hasItem();
  }

  @Override
  public Optional<Job> jobFor(String scope, String idempotencyKey) {
    Map<String, AttributeValue> claim = db.getItem(b -> b.tableName(table)
            .key(ItemKeys.idempotency(scope, idempotencyKey)).consistentRead(true)).item();
    if (claim == null || !claim.containsKey(JOB_ID)) {
      return Optional.empty();
    }
    return job(claim.get(JOB_ID).s());
  }

  @Override
  public void putLabels(List<NewLabel> labels, Instant jobCreatedAt) {
    List<WriteRequest> puts = new ArrayList<>(labels.size());
    for (NewLabel label : labels) {
      puts.add(WriteRequest.builder()
          .putRequest(p -> p.item(LabelItems.item(label, jobCreatedAt))).build());
    }
    BatchWrites.write(db, table, puts, Backoff.DYNAMODB);
  }

  @Override
  public void deleteLabels(String jobId, int total) {
    List<WriteRequest> deletes = new ArrayList<>(total);
    for (int index = 1; index <= total; index++) {
      Map<String, AttributeValue> key = ItemKeys.label(jobId, index);
      deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
    }
    try {
      BatchWrites.write(db, table, deletes, Backoff.DYNAMODB);
    } catch (RuntimeException e) {
      // Harmless leftovers: no job item points at them, and TTL removes them.
      LOG.warn("Could not delete the labels of uncreated job {}", jobId, e);
    }
  }

  @Override
  public CreateResult create(Job job, Optional<IdempotencyClaim> claim) {
    return creation.create(job, claim);
  }

  @Override
  public Optional<Job> job(String jobId) {
    return JobItems.read(db, table, jobId);
  }

  @Override
  public void markDispatched(String jobId, int dispatch) {
    try {
      db.updateItem(io.printrelay.table.JobUpdates.confirmDispatch(jobId, dispatch).request(table));
    } catch (ConditionalCheckFailedException sweptMeanwhile) {
      LOG.debug("Job {} was dispatched by the sweep meanwhile", jobId);
    }
  }
}
