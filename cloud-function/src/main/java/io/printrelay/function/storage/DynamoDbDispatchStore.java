package io.printrelay.function.storage;

import static io.printrelay.table.JobTable.*;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.dispatch.DispatchStore;
import io.printrelay.function.jobs.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@link DispatchStore} on the DynamoDB table and its {@code undispatched} index. */
@Singleton
public class DynamoDbDispatchStore implements DispatchStore {
  private static final Map<String, String> NAMES = Map.of(
      "#count", DISPATCH_COUNT, "#mark", UNDISPATCHED, "#status", STATUS, "#pk", PK);
  private static final String STILL_TO_PRINT = "#status IN (:queued, :printing)";

  private final DynamoDbClient db;
  private final String table;

  public DynamoDbDispatchStore(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public List<String> undispatchedJobIds(Instant createdBefore) {
    // createdKey is "<instant>#<jobId>": every key of an earlier instant sorts below the bare instant.
    return db.queryPaginator(b -> b.tableName(table).indexName(UNDISPATCHED_INDEX)
            .keyConditionExpression("#mark = :one AND #created < :cutoff")
            .expressionAttributeNames(Map.of("#mark", UNDISPATCHED, "#created", CREATED_KEY))
            .expressionAttributeValues(Map.of(
                ":one", AttributeValue.fromS(UNDISPATCHED_VALUE),
                ":cutoff", AttributeValue.fromS(ItemKeys.instant(createdBefore)))))
        .items().stream()
        .map(item -> item.get(JOB_ID) != null
            ? item.get(JOB_ID).s() : item.get(PK).s().substring(ItemKeys.jobPk("").length()))
        .toList();
  }

  @Override
  public Optional<Job> job(String jobId) {
    return JobItems.read(db, table, jobId);
  }

  @Override
  public List<String> printerIds() {
    return db.queryPaginator(b -> b.tableName(table)
            .keyConditionExpression("#pk = :printers")
            .expressionAttributeNames(Map.of("#pk", PK))
            .expressionAttributeValues(Map.of(":printers", AttributeValue.fromS(PRINTER_PK))))
        .items().stream()
        .map(item -> item.get(SK).s())
        .toList();
  }

  @Override
  public List<ActiveJob> activeJobs(String printerId) {
    return ActiveIndex.of(db, table, printerId);
  }

  @Override
  public Optional<Job> claimUndispatched(String jobId) {
    return claim(jobId, "SET #count = #count + :one",
        "attribute_exists(#mark) AND " + STILL_TO_PRINT);
  }

  // Marks the job undispatched until the send is confirmed, so a failed send is the sweep's.
  @Override
  public Optional<Job> claimRedispatch(String jobId) {
    return claim(jobId, "SET #count = #count + :one, #mark = :mark",
        "attribute_exists(#pk) AND " + STILL_TO_PRINT);
  }

  @Override
  public void confirmDispatched(String jobId, int dispatch) {
    update(UpdateItemRequest.builder().tableName(table).key(ItemKeys.job(jobId))
        .updateExpression("REMOVE #mark")
        .conditionExpression("#count = :n")
        .expressionAttributeNames(Map.of("#mark", UNDISPATCHED, "#count", DISPATCH_COUNT))
        .expressionAttributeValues(Map.of(":n", ItemMapper.n(dispatch)))
        .build());
  }

  @Override
  public void clearUndispatched(String jobId) {
    update(UpdateItemRequest.builder().tableName(table).key(ItemKeys.job(jobId))
        .updateExpression("REMOVE #mark")
        .conditionExpression("attribute_exists(#pk)")
        .expressionAttributeNames(Map.of("#mark", UNDISPATCHED, "#pk", PK))
        .build());
  }

  private Optional<Job> claim(String jobId, String update, String condition) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(
        ":one", ItemMapper.n(1),
        ":queued", AttributeValue.fromS(JobStatus.QUEUED.wireName()),
        ":printing", AttributeValue.fromS(JobStatus.PRINTING.wireName())));
    if (update.contains(":mark")) {
      values.put(":mark", AttributeValue.fromS(UNDISPATCHED_VALUE));
    }
    Map<String, String> names = new HashMap<>();
    NAMES.forEach((alias, name) -> {
      if (update.contains(alias) || condition.contains(alias)) {
        names.put(alias, name);
      }
    });
    UpdateItemRequest request = UpdateItemRequest.builder().tableName(table)
        .key(ItemKeys.job(jobId)).updateExpression(update).conditionExpression(condition)
        .expressionAttributeNames(names).expressionAttributeValues(values)
        .returnValues(ReturnValue.ALL_NEW).build();
    try {
      return Optional.of(ItemMapper.job(db.updateItem(request).attributes()));
    } catch (ConditionalCheckFailedException changedMeanwhile) {
      return Optional.empty();
    }
  }

  // A failed condition means someone else got there first, which is the outcome wanted.
  private void update(UpdateItemRequest request) {
    try {
      db.updateItem(request);
    } catch (ConditionalCheckFailedException alreadyDone) {
      // nothing to do
    }
  }
}
