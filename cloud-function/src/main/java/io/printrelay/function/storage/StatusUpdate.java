package io.printrelay.function.storage;

import static io.printrelay.table.JobTable.*;

import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One conditional UpdateItem on a job item, written with {@code #alias} names from the table
 * layout. Only the aliases an expression uses are sent: DynamoDB refuses unused ones.
 */
final class StatusUpdate {
  private static final Map<String, String> NAMES = Map.of(
      "#status", STATUS, "#priority", PRIORITY, "#count", DISPATCH_COUNT, "#mark", UNDISPATCHED,
      "#enqueued", ENQUEUED_AT, "#queueKey", QUEUE_KEY, "#active", ACTIVE_PRINTER_ID,
      "#printer", PRINTER_ID, "#finished", FINISHED_AT);

  private final String update;
  private final String condition;
  private final Map<String, AttributeValue> values = new HashMap<>();

  StatusUpdate(String update, String condition) {
    this.update = update;
    this.condition = condition;
  }

  StatusUpdate value(String alias, AttributeValue value) {
    values.put(alias, value);
    return this;
  }

  /** The values that put a job at the end of its tier now, with its next dispatch claimed. */
  StatusUpdate enqueue(String jobId, Instant now) {
    return value(":now", ItemMapper.instantValue(now))
        .value(":queueKey", AttributeValue.fromS(ItemKeys.timeKey(now, jobId)))
        .value(":zero", ItemMapper.n(0))
        .value(":one", ItemMapper.n(1))
        .value(":mark", AttributeValue.fromS(UNDISPATCHED_VALUE));
  }

  UpdateItemRequest request(String table, Map<String, AttributeValue> key) {
    Map<String, String> names = new HashMap<>();
    NAMES.forEach((alias, name) -> {
      if (update.contains(alias) || condition.contains(alias)) {
        names.put(alias, name);
      }
    });
    return UpdateItemRequest.builder().tableName(table).key(key)
        .updateExpression(update).conditionExpression(condition)
        .expressionAttributeNames(names).expressionAttributeValues(values)
        .returnValues(ReturnValue.ALL_NEW).build();
  }
}
