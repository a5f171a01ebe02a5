package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.intake.IdempotencyClaim;
import io.printrelay.function.intake.JobStore;
import io.printrelay.function.intake.NewLabel;
import io.printrelay.model.Job;
import io.printrelay.table.IdempotencyItems;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.JobQueries;
import io.printrelay.table.PrinterQueries;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
    this.creation = new JobCreation(db, table);
  }

  @Override
  public boolean printerRegistered(String printerId) {
    return db.getItem(PrinterQueries.registered(table, printerId)).hasItem();
  }

  @Override
  public Optional<Claimed> claimOf(String scope, String idempotencyKey) {
    Map<String, AttributeValue> claim =
        db.getItem(JobQueries.idempotency(table, scope, idempotencyKey)).item();
    return IdempotencyItems.jobId(claim)
        .flatMap(jobId -> Optional.ofNullable(db.getItem(JobQueries.job(table, jobId)).item()))
        .filter(item -> !item.isEmpty())
        .map(
            item ->
                new Claimed(
                    ItemMapper.job(item), IdempotencyItems.requestSha256(claim).orElse(null)));
  }

  @Override
  public Optional<Job> job(String jobId) {
    return Optional.ofNullable(db.getItem(JobQueries.job(table, jobId)).item())
        .filter(item -> !item.isEmpty())
        .map(ItemMapper::job);
  }

  @Override
  public void putLabels(List<NewLabel> labels) {
    List<WriteRequest> puts = new ArrayList<>(labels.size());
    for (NewLabel label : labels) {
      Map<String, AttributeValue> item = ItemMapper.labelItem(label.label(), label.source());
      puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    BatchWrites.write(db, table, puts);
  }

  @Override
  public void deleteLabels(String jobId, int total) {
    List<WriteRequest> deletes = new ArrayList<>(total);
    for (int index = 1; index <= total; index++) {
      Map<String, AttributeValue> key = ItemKeys.label(jobId, index);
      deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
    }
    try {
      BatchWrites.write(db, table, deletes);
    } catch (RuntimeException e) {
      // Harmless leftovers: no job item points at them, so nothing reads them (they have no TTL:
      // labels are deleted with their finished job, and this job never existed).
      LOG.warn("Could not delete the labels of uncreated job {}", jobId, e);
    }
  }

  @Override
  public CreateResult create(Job job, Optional<IdempotencyClaim> claim) {
    return creation.create(job, claim);
  }

  @Override
  public CreateResult createResumption(Job job) {
    return creation.createResumption(job);
  }
}
