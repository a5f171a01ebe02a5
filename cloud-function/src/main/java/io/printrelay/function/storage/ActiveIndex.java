package io.printrelay.function.storage;

import static io.printrelay.table.JobTable.*;

import io.printrelay.function.jobs.ActiveJob;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the sparse {@code active} index: one printer's jobs that are not final, sorted by queue
 * key. Index reads are eventually consistent; callers use them to order, never to decide a write.
 */
final class ActiveIndex {
  private ActiveIndex() {}

  static List<ActiveJob> of(DynamoDbClient db, String table, String printerId) {
    return db.queryPaginator(b -> b.tableName(table).indexName(ACTIVE_INDEX)
            .keyConditionExpression("#printer = :printer")
            .expressionAttributeNames(Map.of("#printer", ACTIVE_PRINTER_ID))
            .expressionAttributeValues(Map.of(":printer", AttributeValue.fromS(printerId))))
        .items().stream()
        .map(ActiveIndex::activeJob)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<ActiveJob> activeJob(Map<String, AttributeValue> item) {
    Optional<JobStatus> status = JobStatus.parse(text(item, STATUS));
    Optional<Priority> priority = Priority.parse(text(item, PRIORITY));
    if (status.isEmpty() || priority.isEmpty() || !item.containsKey(JOB_ID)) {
      return Optional.empty();
    }
    return Optional.of(
        new ActiveJob(text(item, JOB_ID), status.get(), priority.get(), text(item, QUEUE_KEY)));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
