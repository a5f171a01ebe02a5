package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads of printer items, strongly consistent (an operator's pause must show at once); map what
 * they answer with {@link ItemMapper#printer}.
 */
public final class PrinterQueries {
  private PrinterQueries() {}

  /** Every registered printer: the printer partition, sorted by id. */
  public static QueryRequest all(String table) {
    return PartitionQuery.of(table, PRINTER_PK).build();
  }

  public static GetItemRequest one(String table, String printerId) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(ItemKeys.printer(printerId))
        .consistentRead(true)
        .build();
  }

  /** Whether an agent registered the printer: its key only, nothing else read. */
  public static GetItemRequest registered(String table, String printerId) {
    Placeholders p = new Placeholders();
    return GetItemRequest.builder()
        .tableName(table)
        .key(ItemKeys.printer(printerId))
        .projectionExpression(p.name(PK))
        .expressionAttributeNames(p.names())
        .consistentRead(true)
        .build();
  }
}
