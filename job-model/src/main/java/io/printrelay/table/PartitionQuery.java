package io.printrelay.table;

import static io.printrelay.table.JobTable.PK;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** A consistent read of one whole partition (printers, intake profiles, events, watches). */
final class PartitionQuery {
  private PartitionQuery() {}

  /** The query, to be built as it is or with a limit or an order added. */
  static QueryRequest.Builder of(String table, String partitionKey) {
    Placeholders p = new Placeholders();
    String keyCondition = p.name(PK) + " = " + p.value(AttributeValue.fromS(partitionKey));
    return QueryRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .keyConditionExpression(keyCondition)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values());
  }
}
