package io.printrelay.agent.progress;

import io.printrelay.model.Job;
import io.printrelay.model.Label;
import io.printrelay.table.AgentQueries;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.ItemUpdate;
import io.printrelay.table.ProgressUpdates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link JobProgress} on the DynamoDB table. Label progress is written together with the job's
 * counters in one transaction ({@link Transactions}), so the job item never disagrees with its
 * labels, even across a crash. Every write is built in job-model ({@link ProgressUpdates}).
 */
public final class DynamoDbProgress implements JobProgress {
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
    return start(jobId, ProgressUpdates.start(jobId, now));
  }

  /** As {@link #start(String, Instant)}, reserving the labels through {@code reservedThrough}. */
  public Job start(String jobId, Instant now, int reservedThrough) {
    return start(jobId, ProgressUpdates.start(jobId, now, reservedThrough));
  }

  private Job start(String jobId, ItemUpdate update) {
    try {
      return ItemMapper.job(
          dynamoDb.updateItem(update.request(table, ReturnValue.ALL_NEW)).attributes());
    } catch (ConditionalCheckFailedException e) {
      throw new ProgressConflict(jobId, "queued or printing");
    }
  }

  @Override
  public Iterable<Label> labels(String jobId) {
    // Lazy: one page (up to 1 MB of label content) in memory at a time, however big the job.
    return () ->
        dynamoDb.queryPaginator(AgentQueries.labels(table, jobId)).items().stream()
            .map(ItemMapper::label)
            .iterator();
  }

  @Override
  public LabelStart startLabel(String printerId, String jobId, int index) {
    return transactions.startLabel(printerId, jobId, index);
  }

  @Override
  public void labelPrinted(String jobId, int index, Instant now) {
    transactions.labelAndJob(jobId, index, ProgressUpdates.printed(jobId, index, now));
  }

  @Override
  public void labelFailed(String jobId, int index, String error) {
    transactions.labelAndJob(jobId, index, ProgressUpdates.failed(jobId, index, error));
  }

  @Override
  public void markUncertain(String jobId, int index) {
    transactions.labelAndJob(jobId, index, ProgressUpdates.uncertain(jobId, index));
  }

  @Override
  public void complete(String jobId, Instant now) {
    finish(jobId, ProgressUpdates.complete(jobId, now));
  }

  @Override
  public void fail(String jobId, String error, Instant now) {
    finish(jobId, ProgressUpdates.fail(jobId, error, now));
  }

  /** printing to a final status; the job leaves the active index (its key attributes go). */
  private void finish(String jobId, ItemUpdate update) {
    try {
      dynamoDb.updateItem(update.request(table));
    } catch (ConditionalCheckFailedException e) {
      throw new ProgressConflict(jobId, "printing");
    }
  }

  /**
   * A journal's news in as few writes as DynamoDB allows: labels in transactions of up to 100
   * items, the job's counters with the last of them, so the job never counts a label its item does
   * not show. Labels refused (moved on by someone else) are left out and returned.
   *
   * @throws ProgressConflict when the job is gone
   */
  public Set<Integer> record(String jobId, List<Label> labels, ItemUpdate job) {
    Set<Integer> refused = new TreeSet<>();
    List<Label> left = new ArrayList<>(labels);
    while (true) {
      boolean last = left.size() < Transactions.MAX_ITEMS;
      List<Label> chunk = left.subList(0, Math.min(left.size(), Transactions.MAX_ITEMS - 1));
      Set<Integer> refusedNow = transactions.record(jobId, chunk, last ? job : null);
      if (refusedNow.isEmpty()) {
        if (last) {
          return refused;
        }
        chunk.clear();
      } else {
        refused.addAll(refusedNow);
        left.removeIf(label -> refusedNow.contains(label.index()));
      }
    }
  }

  /** The job's label reservation, or null when no agent holds one. */
  public Integer reservedThrough(String jobId) {
    return AgentQueries.reservedThrough(
        dynamoDb.getItem(AgentQueries.reservation(table, jobId)).item());
  }

  @Override
  public List<String> interrupted(String printerId) {
    return dynamoDb.queryPaginator(AgentQueries.printing(table, printerId)).items().stream()
        .map(AgentQueries::jobId)
        .toList();
  }
}
