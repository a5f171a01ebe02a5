package io.printrelay.agent.progress;

import io.printrelay.table.PrinterItems;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link PrinterRegistry} on the table's printer items ({@link PrinterItems}). A report never names
 * {@code paused}, which belongs to operators, so a registration keeps an operator's pause. Reports
 * are not status moves of a job and carry no condition: the latest report is the truth.
 */
public final class DynamoDbPrinters implements PrinterRegistry {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbPrinters(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void report(
      String printerId, String host, int port, String agentId, PrinterStatus status, Instant now) {
    dynamoDb.updateItem(
        PrinterItems.report(
                printerId,
                host,
                port,
                agentId,
                status.state(),
                status.detail(),
                status.currentJobId(),
                now)
            .request(table));
  }

  @Override
  public boolean paused(String printerId) {
    return PrinterItems.paused(dynamoDb.getItem(PrinterItems.readPaused(table, printerId)).item());
  }
}
