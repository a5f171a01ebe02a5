package io.printrelay.agent.progress;

import io.printrelay.table.PrinterItems;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link PrinterRegistry} on the table's printer items ({@link PrinterItems}). A report never names
 * {@code paused}, which belongs to operators, so a registration keeps an operator's pause. Reports
 * are not status moves of a job and carry no condition: the latest report is the truth.
 */
public final class DynamoDbPrinters implements PrinterRegistry {
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration lease;

  /**
   * @param lease how long a report holds the printer for its agent
   */
  public DynamoDbPrinters(DynamoDbClient dynamoDb, String table, Duration lease) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.lease = lease;
  }

  @Override
  public boolean report(
      String printerId, String host, int port, String agentId, PrinterStatus status, Instant now) {
    try {
      dynamoDb.updateItem(
          PrinterItems.leasedReport(
                  printerId,
                  host,
                  port,
                  agentId,
                  status.state(),
                  status.detail(),
                  status.currentJobId(),
                  now,
                  now.plus(lease))
              .request(table));
      return true;
    } catch (ConditionalCheckFailedException heldElsewhere) {
      return false;
    }
  }

  @Override
  public void releaseLease(String printerId, String agentId) {
    try {
      dynamoDb.updateItem(PrinterItems.releaseLease(printerId, agentId).request(table));
    } catch (ConditionalCheckFailedException notOurs) {
      // taken over already: nothing to hand on
    }
  }

  @Override
  public boolean paused(String printerId) {
    return PrinterItems.paused(dynamoDb.getItem(PrinterItems.readPaused(table, printerId)).item());
  }
}
