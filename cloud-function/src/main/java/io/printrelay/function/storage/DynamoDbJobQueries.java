package io.printrelay.function.storage;

import static io.printrelay.table.JobTable.*;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.jobs.ActiveJob;
import io.printrelay.function.jobs.JobQueries;
import io.printrelay.function.problem.Unavailable;
import io.printrelay.model.Job;
import io.printrelay.model.Label;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@link JobQueries} on the DynamoDB table and its {@code byCreated}/{@code byPrinter} indexes. */
@Singleton
public class DynamoDbJobQueries implements JobQueries {
  private static final int BATCH_GET_MAX = 100;
  private static final String JOB_PK_PREFIX = ItemKeys.jobPk("");
  // Everything of a label but its content: a 500-label job would otherwise read up to 32 MB.
  private static final List<String> LABEL_STATE =
      List.of(JOB_ID, INDEX, STATUS, UNCERTAIN, ATTEMPTS, ERROR, PRINTED_AT);

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
        .limit(BATCH_GET_MAX)
        .build();
    return db.queryPaginator(query).items().stream()
        .map(item -> item.get(PK).s().substring(JOB_PK_PREFIX.length()));
  }

  @Override
  public List<Job> jobs(List<String> jobIds) {
    Map<String, Job> found = new HashMap<>();
    for (int from = 0; from < jobIds.size(); from += BATCH_GET_MAX) {
      List<Map<String, AttributeValue>> keys = jobIds
          .subList(from, Math.min(from + BATCH_GET_MAX, jobIds.size())).stream()
          .map(ItemKeys::job).toList();
      for (Map<String, AttributeValue> item : batchGet(keys)) {
        Job job = ItemMapper.job(item);
        found.put(job.jobId(), job);
      }
    }
    return jobIds.stream().map(found::get).filter(job -> job != null).toList();
  }

  @Override
  public List<Label> labels(String jobId) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#sk", SK));
    List<String> projection = new ArrayList<>();
    for (int i = 0; i < LABEL_STATE.size(); i++) {
      names.put("#a" + i, LABEL_STATE.get(i));
      projection.add("#a" + i);
    }
    return db.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :labels)")
            .projectionExpression(String.join(", ", projection))
            .expressionAttributeNames(names)
            .expressionAttributeValues(Map.of(
                ":pk", AttributeValue.fromS(ItemKeys.jobPk(jobId)),
                ":labels", AttributeValue.fromS(LABEL_SK_PREFIX))))
        .items().stream()
        .map(ItemMapper::label)
        .toList();
  }

  // BatchGetItem may return some keys unprocessed when throttled; ask again for those.
  private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, KeysAndAttributes> pending =
        Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        if (Backoff.DYNAMODB.exhausted(attempt - 1)) {
          throw new Unavailable("The job store is throttling reads; retry shortly.");
        }
        Backoff.DYNAMODB.pause(attempt - 1);
      }
      Map<String, KeysAndAttributes> request = pending;
      var response = db.batchGetItem(b -> b.requestItems(request));
      items.addAll(response.responses().getOrDefault(table, List.of()));
      pending = response.unprocessedKeys();
    }
    return items;
  }
}
