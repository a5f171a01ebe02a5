package io.printrelay.function.storage;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.reads.LabelState;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.ListPosition;
import io.printrelay.model.Printer;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.JobQueries;
import io.printrelay.table.PrinterQueries;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link Reads} on the DynamoDB table: requests and mapping from job-model's table queries. */
@Singleton
public class DynamoDbReads implements Reads {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbReads(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public Optional<Job> job(String jobId) {
    return item(db.getItem(JobQueries.job(table, jobId)).item()).map(ItemMapper::job);
  }

  @Override
  public List<Job> jobs(List<String> jobIds) {
    Map<String, Job> found = new HashMap<>();
    for (int from = 0; from < jobIds.size(); from += BatchGets.MAX_KEYS) {
      List<Map<String, AttributeValue>> keys =
          jobIds.subList(from, Math.min(from + BatchGets.MAX_KEYS, jobIds.size())).stream()
              .map(ItemKeys::job)
              .toList();
      for (Map<String, AttributeValue> item : BatchGets.get(db, table, keys)) {
        Job job = ItemMapper.job(item);
        found.put(job.jobId(), job);
      }
    }
    return jobIds.stream().filter(found::containsKey).map(found::get).toList();
  }

  @Override
  public List<ListPosition> newestJobs(
      @Nullable String printerId, @Nullable ListPosition after, int count) {
    List<ListPosition> found = new ArrayList<>(count);
    ListPosition from = after;
    while (found.size() < count) {
      QueryResponse page =
          db.query(JobQueries.newest(table, printerId, from, count - found.size()));
      page.items().stream().map(JobQueries::listPosition).forEach(found::add);
      // A page stops short of the limit only at DynamoDB's 1 MB, with a key to go on from.
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
        break;
      }
      from = JobQueries.listPosition(page.lastEvaluatedKey());
    }
    return found;
  }

  @Override
  public List<LabelState> labels(String jobId) {
    return db.queryPaginator(JobQueries.labelStates(table, jobId)).items().stream()
        .map(item -> new LabelState(ItemMapper.label(item), ItemMapper.labelSource(item)))
        .toList();
  }

  @Override
  public List<ActiveJob> activeJobs(String printerId) {
    return db.queryPaginator(JobQueries.active(table, printerId)).items().stream()
        .map(JobQueries::activeJob)
        .flatMap(Optional::stream)
        .toList();
  }

  @Override
  public List<Printer> printers() {
    return db.queryPaginator(PrinterQueries.all(table)).items().stream()
        .map(ItemMapper::printer)
        .toList();
  }

  @Override
  public Optional<Printer> printer(String printerId) {
    return item(db.getItem(PrinterQueries.one(table, printerId)).item()).map(ItemMapper::printer);
  }

  private static Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> item) {
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}
