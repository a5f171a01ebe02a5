package io.printrelay.function.storage;

import io.printrelay.function.actions.JobActionStore;
import io.printrelay.function.actions.JobChanged;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.Priority;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.ItemUpdate;
import io.printrelay.table.OperatorUpdates;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link JobActionStore} on the DynamoDB table: each write is one of job-model's {@link
 * OperatorUpdates}, answering the item as written; a refused condition is {@link JobChanged}.
 */
@Singleton
public class DynamoDbJobActionStore implements JobActionStore {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbJobActionStore(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  /**
   * At most 100 distinct labels of 64 KiB per BatchGetItem call, well under its 16 MB answer limit;
   * an index asked twice comes back twice.
   */
  @Override
  public List<Label> labelsWithContent(String jobId, List<Integer> indexes) {
    List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(indexes));
    Map<Integer, Label> found = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += BatchGets.MAX_KEYS) {
      List<Map<String, AttributeValue>> keys =
          distinct.subList(from, Math.min(from + BatchGets.MAX_KEYS, distinct.size())).stream()
              .map(index -> ItemKeys.label(jobId, index))
              .toList();
      for (Map<String, AttributeValue> item : BatchGets.get(db, table, keys)) {
        Label label = ItemMapper.label(item);
        found.put(label.index(), label);
      }
    }
    return indexes.stream().filter(found::containsKey).map(found::get).toList();
  }

  @Override
  public Job pause(String jobId, JobStatus from, Instant now) {
    return write(jobId, OperatorUpdates.pause(jobId, from, now));
  }

  @Override
  public Job requeue(String jobId, Instant now) {
    return write(jobId, OperatorUpdates.resume(jobId, now));
  }

  @Override
  public Job cancel(String jobId, JobStatus from, Instant now) {
    return write(jobId, OperatorUpdates.cancel(jobId, from, now));
  }

  @Override
  public Job reprioritise(
      String jobId, JobStatus from, Priority current, Priority wanted, Instant now) {
    return write(jobId, OperatorUpdates.reprioritise(jobId, from, current, wanted, now));
  }

  private Job write(String jobId, ItemUpdate update) {
    try {
      return ItemMapper.job(db.updateItem(update.request(table, ReturnValue.ALL_NEW)).attributes());
    } catch (ConditionalCheckFailedException moved) {
      throw new JobChanged(jobId);
    }
  }
}
