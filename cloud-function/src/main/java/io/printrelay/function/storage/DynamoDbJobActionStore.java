package io.printrelay.function.storage;

import static io.printrelay.table.JobTable.*;

import io.printrelay.function.actions.JobActionStore;
import io.printrelay.function.actions.JobChanged;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.jobs.LabelState;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.Priority;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link JobActionStore} on the DynamoDB table. Each status write is one UpdateItem conditional
 * on the status read (and the priority, for a tier change), answering the item as written.
 */
@Singleton
public class DynamoDbJobActionStore implements JobActionStore {
  // "+ 1" on an absent count would fail the update; every job item has one, but stay safe.
  private static final String NEXT_DISPATCH = "#count = if_not_exists(#count, :zero) + :one";

  private final DynamoDbClient db;
  private final String table;

  public DynamoDbJobActionStore(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public Optional<Job> job(String jobId) {
    return JobItems.read(db, table, jobId);
  }

  @Override
  public List<LabelState> labels(String jobId) {
    return LabelItems.states(db, table, jobId);
  }

  @Override
  public List<Label> labelsWithContent(String jobId, List<Integer> indexes) {
    return LabelItems.withContent(db, table, jobId, indexes);
  }

  @Override
  public Job pause(String jobId, JobStatus from) {
    return write(jobId, new StatusUpdate("SET #status = :to", "#status = :from")
        .value(":to", s(JobStatus.PAUSED.wireName()))
        .value(":from", s(from.wireName())));
  }

  // The active index keys are set again, not assumed: the job must be in its printer's queue.
  @Override
  public Job requeue(String jobId, Instant now) {
    return write(jobId, new StatusUpdate("SET #status = :to, " + NEXT_DISPATCH
        + ", #enqueued = :now, #queueKey = :queueKey, #active = #printer, #mark = :mark",
        "#status = :from")
        .value(":to", s(JobStatus.QUEUED.wireName()))
        .value(":from", s(JobStatus.PAUSED.wireName()))
        .enqueue(jobId, now));
  }

  @Override
  public Job cancel(String jobId, JobStatus from, Instant now) {
    return write(jobId, new StatusUpdate(
        "SET #status = :to, #finished = :now REMOVE #active, #queueKey, #mark", "#status = :from")
        .value(":to", s(JobStatus.CANCELLED.wireName()))
        .value(":from", s(from.wireName()))
        .value(":now", ItemMapper.instantValue(now)));
  }

  @Override
  public Job reprioritise(String jobId, JobStatus from, Priority current, Priority wanted,
      Instant now) {
    String condition = "#status = :from AND #priority = :current";
    StatusUpdate update = from == JobStatus.QUEUED
        ? new StatusUpdate("SET #priority = :wanted, " + NEXT_DISPATCH
            + ", #enqueued = :now, #queueKey = :queueKey, #mark = :mark", condition)
            .enqueue(jobId, now)
        : new StatusUpdate("SET #priority = :wanted", condition);
    return write(jobId, update
        .value(":from", s(from.wireName()))
        .value(":current", s(current.wireName()))
        .value(":wanted", s(wanted.wireName())));
  }

  @Override
  public void confirmDispatched(String jobId, int dispatch) {
    try {
      db.updateItem(b -> b.tableName(table).key(ItemKeys.job(jobId))
          .updateExpression("REMOVE #mark")
          .conditionExpression("#count = :n")
          .expressionAttributeNames(Map.of("#mark", UNDISPATCHED, "#count", DISPATCH_COUNT))
          .expressionAttributeValues(Map.of(":n", ItemMapper.n(dispatch))));
    } catch (ConditionalCheckFailedException newerDispatch) {
      // A later dispatch owns the mark now; it clears it itself.
    }
  }

  private Job write(String jobId, StatusUpdate update) {
    try {
      return ItemMapper.job(db.updateItem(update.request(table, ItemKeys.job(jobId))).attributes());
    } catch (ConditionalCheckFailedException moved) {
      throw new JobChanged(jobId);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
