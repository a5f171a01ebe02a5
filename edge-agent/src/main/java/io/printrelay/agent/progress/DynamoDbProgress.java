package io.printrelay.agent.progress;

import static io.printrelay.table.ItemMapper.instantValue;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.ns;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.*;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link JobProgress} on the DynamoDB table. Label progress is written together with the job's
 * counters in one transaction ({@link Transactions}), so the job item never disagrees with its
 * labels, even across a crash.
 */
public final class DynamoDbProgress implements JobProgress {
  private static final AttributeValue ONE = n(1);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Transactions transactions;

  public DynamoDbProgress(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.transactions = new Transactions(dynamoDb, table);
  }

  @Override
  public Optional<Job> job(String jobId) {
    GetItemResponse response =
        dynamoDb.getItem(b -> b.tableName(table).key(ItemKeys.job(jobId)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(ItemMapper.job(response.item()))
        : Optional.empty();
  }

  @Override
  public Job start(String jobId, Instant now) {
    Placeholders p = new Placeholders();
    String status = p.name(STATUS);
    String printing = p.value("printing", status(JobStatus.PRINTING));
    String startedAt = p.name(STARTED_AT);
    String update = "SET " + status + " = " + printing + ", " + startedAt + " = if_not_exists("
        + startedAt + ", " + p.value("now", instantValue(now)) + ")";
    String condition =
        status + " IN (" + p.value("queued", status(JobStatus.QUEUED)) + ", " + printing + ")";
    try {
      return ItemMapper.job(
          dynamoDb.updateItem(b -> b.tableName(table).key(ItemKeys.job(jobId))
                  .updateExpression(update).conditionExpression(condition)
                  .expressionAttributeNames(p.names()).expressionAttributeValues(p.values())
                  .returnValues(ReturnValue.ALL_NEW))
              .attributes());
    } catch (ConditionalCheckFailedException e) {
      throw new ProgressConflict(jobId, "queued or printing");
    }
  }

  @Override
  public Iterable<Label> labels(String jobId) {
    Placeholders p = new Placeholders();
    String key = p.name(PK) + " = " + p.value("pk", s(ItemKeys.jobPk(jobId)))
        + " AND begins_with(" + p.name(SK) + ", " + p.value("labels", s(LABEL_SK_PREFIX)) + ")";
    // Lazy: one page (up to 1 MB of label content) in memory at a time, however big the job.
    return () -> dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression(key)
            .expressionAttributeNames(p.names()).expressionAttributeValues(p.values()))
        .items().stream().map(ItemMapper::label).iterator();
  }

  @Override
  public LabelStart startLabel(String printerId, String jobId, int index) {
    return transactions.startLabel(printerId, jobId, index);
  }

  @Override
  public void labelPrinted(String jobId, int index, Instant now) {
    Placeholders label = new Placeholders();
    String labelUpdate = "SET " + label.name(STATUS) + " = "
        + label.value("printed", status(LabelStatus.PRINTED)) + ", "
        + label.name(PRINTED_AT) + " = " + label.value("now", instantValue(now));
    Placeholders job = new Placeholders();
    String jobUpdate = "ADD " + job.name(PRINTED) + " " + job.value("one", ONE)
        + " REMOVE " + job.name(IN_FLIGHT_LABEL);
    transactions.labelAndJob(jobId, index, label, labelUpdate, job, jobUpdate);
  }

  @Override
  public void labelFailed(String jobId, int index, String error) {
    Placeholders label = new Placeholders();
    String labelUpdate = "SET " + label.name(STATUS) + " = "
        + label.value("failed", status(LabelStatus.FAILED)) + ", "
        + label.name(ERROR) + " = " + label.value("error", s(error));
    Placeholders job = new Placeholders();
    String jobUpdate = "ADD " + job.name(FAILED_LABELS) + " " + job.value("index", ns(List.of(index)))
        + " REMOVE " + job.name(IN_FLIGHT_LABEL);
    transactions.labelAndJob(jobId, index, label, labelUpdate, job, jobUpdate);
  }

  @Override
  public void markUncertain(String jobId, int index) {
    Placeholders label = new Placeholders();
    String labelUpdate =
        "SET " + label.name(UNCERTAIN) + " = " + label.value("true", AttributeValue.fromBool(true));
    Placeholders job = new Placeholders();
    // No longer in flight: if we crash before the label starts again, it is not flagged twice.
    String jobUpdate = "ADD " + job.name(UNCERTAIN_LABELS) + " "
        + job.value("index", ns(List.of(index))) + " REMOVE " + job.name(IN_FLIGHT_LABEL);
    transactions.labelAndJob(jobId, index, label, labelUpdate, job, jobUpdate);
  }

  @Override
  public void complete(String jobId, Instant now) {
    finish(jobId, JobStatus.COMPLETED, null, now);
  }

  @Override
  public void fail(String jobId, String error, Instant now) {
    finish(jobId, JobStatus.FAILED, error, now);
  }

  /** printing to a final status; the job leaves the active index (its key attributes go). */
  private void finish(String jobId, JobStatus outcome, String error, Instant now) {
    Placeholders p = new Placeholders();
    String status = p.name(STATUS);
    String set = "SET " + status + " = " + p.value("outcome", status(outcome)) + ", "
        + p.name(FINISHED_AT) + " = " + p.value("now", instantValue(now))
        + (error == null ? "" : ", " + p.name(ERROR) + " = " + p.value("error", s(error)));
    String remove = " REMOVE " + p.name(ACTIVE_PRINTER_ID) + ", " + p.name(QUEUE_KEY) + ", "
        + p.name(CURRENT_LABEL) + ", " + p.name(IN_FLIGHT_LABEL);
    String condition = status + " = " + p.value("printing", status(JobStatus.PRINTING));
    try {
      dynamoDb.updateItem(b -> b.tableName(table).key(ItemKeys.job(jobId))
          .updateExpression(set + remove).conditionExpression(condition)
          .expressionAttributeNames(p.names()).expressionAttributeValues(p.values()));
    } catch (ConditionalCheckFailedException e) {
      throw new ProgressConflict(jobId, "printing");
    }
  }

  @Override
  public List<String> interrupted(String printerId) {
    Placeholders p = new Placeholders();
    String key = p.name(ACTIVE_PRINTER_ID) + " = " + p.value("printer", s(printerId));
    String filter = p.name(STATUS) + " = " + p.value("printing", status(JobStatus.PRINTING));
    return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(ACTIVE_INDEX)
            .keyConditionExpression(key).filterExpression(filter)
            .expressionAttributeNames(p.names()).expressionAttributeValues(p.values()))
        .items().stream().map(item -> item.get(JOB_ID).s()).toList();
  }

  private static AttributeValue status(JobStatus status) {
    return s(status.wireName());
  }

  private static AttributeValue status(LabelStatus status) {
    return s(status.wireName());
  }
}
