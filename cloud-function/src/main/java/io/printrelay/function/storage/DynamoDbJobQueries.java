package io.printrelay.function.storage;

import static io.printrelay.table.JobTable.*;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.jobs.ActiveJob;
import io.printrelay.function.jobs.JobQueries;
import io.printrelay.function.jobs.LabelState;
import io.printrelay.model.Job;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@link JobQueries} on the DynamoDB table and its {@code byCreated}/{@code byPrinter} indexes. */
@Singleton
public class DynamoDbJobQueries implements JobQueries {
  private static final String JOB_PK_PREFIX = ItemKeys.jobPk("");

  private final DynamoDbClient db;
  private final String table;

  public DynamoDbJobQueries(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public Optional<Job> job(String jobId) {
    return JobItems.read(db, table, jobId);
  }

  @Override
  public List<ActiveJob> activeJobs(String printerId) {
    return ActiveIndex.of(db, table, printerId);
  }

  @Override
  public Stream<String> newestJobIds(@Nullable String printerId) {
    String hash = printerId == null ? ALL_JOBS : PRINTER_ID;
    String value = printerId == null ? ALL_JOBS_VALUE : printerId;
    QueryRequest query = QueryRequest.builder().tableName(table)
        .indexName(printerId == null ? BY_CREATED_INDEX : BY_PRINTER_INDEX)
        .keyConditionExpression("#hash = :value")
        .expressionAttributeNames(Map.of("#hash", hash))
        .expressionAttributeValues(Map.of(":value", AttributeValue.fromS(value)))
        .scanIndexForward(false)
        .limit(BatchGets.MAX_KEYS)
        .build();
    return db.queryPaginator(query).items().stream()
        .map(item -> item.get(PK).s().substring(JOB_PK_PREFIX.length()));
  }

  @Override
  public List<Job> jobs(List<String> jobIds) {
    Map<String, Job> found = new HashMap<>();
    for (int from = 0; from < jobIds.size(); from += BatchGets.MAX_KEYS) {
      List<Map<String, AttributeValue>> keys = jobIds
          .subList(from, Math.min(from + BatchGets.MAX_KEYS, jobIds.size())).stream()
          .map(ItemKeys::job).toList();
      for (Map<String, AttributeValue> item : BatchGets.get(db, table, keys)) {
        Job job = ItemMapper.job(item);
        found.put(job.jobId(), job);
      }
    }
    return jobIds.stream().map(found::get).filter(job -> job != null).toList();
  }

  @Override
  public List<LabelState> labels(String jobId) {
    return LabelItems.states(db, table, jobId);
  }
}
