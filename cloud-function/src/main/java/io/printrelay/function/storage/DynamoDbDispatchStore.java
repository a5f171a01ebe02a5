package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.dispatch.DispatchStore;
import io.printrelay.model.Job;
import io.printrelay.table.DispatchUpdates;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.ItemUpdate;
import io.printrelay.table.JobQueries;
import io.printrelay.table.JobUpdates;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@link DispatchStore} on the DynamoDB table: job-model's dispatch claims and confirmation. */
@Singleton
public class DynamoDbDispatchStore implements DispatchStore {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbDispatchStore(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public List<String> undispatchedJobIds(Instant createdBefore) {
    return db.queryPaginator(JobQueries.undispatched(table, createdBefore)).items().stream()
        .map(JobQueries::jobId)
        .toList();
  }

  @Override
  public Optional<Job> claimUndispatched(String jobId) {
    return claim(DispatchUpdates.claimPending(jobId));
  }

  // Marks the job undispatched until the send is confirmed, so a failed send is the sweep's.
  @Override
  public Optional<Job> claimRedispatch(String jobId) {
    return claim(DispatchUpdates.claimNext(jobId));
  }

  @Override
  public Optional<Job> claimStale(String jobId, Instant now, Instant cutoff) {
    return claim(DispatchUpdates.claimStale(jobId, now, cutoff));
  }

  @Override
  public boolean markDeadLettered(String jobId, int dispatch) {
    return claim(DispatchUpdates.markDeadLettered(jobId, dispatch)).isPresent();
  }

  @Override
  public void confirmDispatched(String jobId, int dispatch) {
    update(JobUpdates.confirmDispatch(jobId, dispatch));
  }

  @Override
  public void clearUndispatched(String jobId) {
    update(DispatchUpdates.clearPending(jobId));
  }

  private Optional<Job> claim(ItemUpdate claim) {
    try {
      return Optional.of(
          ItemMapper.job(db.updateItem(claim.request(table, ReturnValue.ALL_NEW)).attributes()));
    } catch (ConditionalCheckFailedException changedMeanwhile) {
      return Optional.empty();
    }
  }

  // A failed condition means someone else got there first, which is the outcome wanted.
  private void update(ItemUpdate update) {
    try {
      db.updateItem(update.request(table));
    } catch (ConditionalCheckFailedException alreadyDone) {
      // nothing to do
    }
  }
}
