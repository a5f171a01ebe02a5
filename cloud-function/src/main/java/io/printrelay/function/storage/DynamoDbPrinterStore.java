package io.printrelay.function.storage;

import static io.printrelay.table.JobTable.*;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.jobs.ActiveJob;
import io.printrelay.function.printers.PrinterStore;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Printer;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@link PrinterStore} on the printer items (pk PRINTER) and the {@code active} index. */
@Singleton
public class DynamoDbPrinterStore implements PrinterStore {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbPrinterStore(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public List<Printer> printers() {
    return db.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("#pk = :printers")
            .expressionAttributeNames(Map.of("#pk", PK))
            .expressionAttributeValues(Map.of(":printers", AttributeValue.fromS(PRINTER_PK))))
        .items().stream()
        .map(ItemMapper::printer)
        .toList();
  }

  @Override
  public Optional<Printer> printer(String printerId) {
    Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
        .key(ItemKeys.printer(printerId)).consistentRead(true)).item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ItemMapper.printer(item));
  }

  // Conditional on the item existing: a pause must never create a printer no agent registered.
  @Override
  public Optional<Printer> setPaused(String printerId, boolean paused) {
    try {
      return Optional.of(ItemMapper.printer(db.updateItem(b -> b.tableName(table)
          .key(ItemKeys.printer(printerId))
          .updateExpression("SET #paused = :paused")
          .conditionExpression("attribute_exists(#pk)")
          .expressionAttributeNames(Map.of("#paused", PAUSED, "#pk", PK))
          .expressionAttributeValues(Map.of(":paused", AttributeValue.fromBool(paused)))
          .returnValues(ReturnValue.ALL_NEW)).attributes()));
    } catch (ConditionalCheckFailedException unknown) {
      return Optional.empty();
    }
  }

  @Override
  public List<ActiveJob> activeJobs(String printerId) {
    return ActiveIndex.of(db, table, printerId);
  }

  @Override
  public boolean cancelIfWaiting(String jobId, Instant now) {
    StatusUpdate cancel = new StatusUpdate(
        "SET #status = :to, #finished = :now REMOVE #active, #queueKey, #mark",
        "#status IN (:queued, :paused)")
        .value(":to", AttributeValue.fromS(JobStatus.CANCELLED.wireName()))
        .value(":queued", AttributeValue.fromS(JobStatus.QUEUED.wireName()))
        .value(":paused", AttributeValue.fromS(JobStatus.PAUSED.wireName()))
        .value(":now", ItemMapper.instantValue(now));
    try {
      db.updateItem(cancel.request(table, ItemKeys.job(jobId)));
      return true;
    } catch (ConditionalCheckFailedException notWaitingAnyMore) {
      return false;
    }
  }
}
