package io.printrelay.agent.progress;

import static io.printrelay.table.ItemMapper.instantValue;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.*;

import io.printrelay.table.ItemKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link PrinterRegistry} on the table's printer items. The agent owns every attribute it writes
 * here except {@code paused}, which belongs to operators: an update expression that never names it
 * keeps it across registrations. These writes are not status moves of a job, so they carry no
 * condition: the latest report is the truth.
 */
public final class DynamoDbPrinters implements PrinterRegistry {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbPrinters(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void report(String printerId, String host, int port, String agentId,
      PrinterStatus status, Instant now) {
    Placeholders p = new Placeholders();
    List<String> set = new ArrayList<>(List.of(
        p.name(TYPE) + " = " + p.value("type", s(TYPE_PRINTER)),
        p.name(PRINTER_ID) + " = " + p.value("printerId", s(printerId)),
        p.name(HOST) + " = " + p.value("host", s(host)),
        p.name(PORT) + " = " + p.value("port", n(port)),
        p.name(AGENT_ID) + " = " + p.value("agentId", s(agentId)),
        p.name(LAST_SEEN) + " = " + p.value("now", instantValue(now)),
        p.name(STATE) + " = " + p.value("state", s(status.state().wireName()))));
    List<String> remove = new ArrayList<>();
    setOrRemove(p, DETAIL, status.detail(), set, remove);
    setOrRemove(p, CURRENT_JOB_ID, status.currentJobId(), set, remove);
    String update = "SET " + String.join(", ", set)
        + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    dynamoDb.updateItem(b -> b.tableName(table).key(ItemKeys.printer(printerId))
        .updateExpression(update)
        .expressionAttributeNames(p.names()).expressionAttributeValues(p.values()));
  }

  @Override
  public boolean paused(String printerId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
            .key(ItemKeys.printer(printerId)).consistentRead(true)
            .projectionExpression("#p").expressionAttributeNames(Map.of("#p", PAUSED)))
        .item();
    AttributeValue paused = item == null ? null : item.get(PAUSED);
    return paused != null && Boolean.TRUE.equals(paused.bool());
  }

  private static void setOrRemove(Placeholders p, String attribute, String value,
      List<String> set, List<String> remove) {
    if (value == null) {
      remove.add(p.name(attribute));
    } else {
      set.add(p.name(attribute) + " = " + p.value(attribute, s(value)));
    }
  }
}
