package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.printers.PrinterStore;
import io.printrelay.model.Printer;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.PrinterItems;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@link PrinterStore} on the printer items (pk PRINTER), written with job-model's shapes. */
@Singleton
public class DynamoDbPrinterStore implements PrinterStore {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbPrinterStore(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public Optional<Printer> setPaused(String printerId, boolean paused) {
    try {
      return Optional.of(
          ItemMapper.printer(
              db.updateItem(
                      PrinterItems.setPaused(printerId, paused).request(table, ReturnValue.ALL_NEW))
                  .attributes()));
    } catch (ConditionalCheckFailedException unknown) {
      return Optional.empty();
    }
  }
}
