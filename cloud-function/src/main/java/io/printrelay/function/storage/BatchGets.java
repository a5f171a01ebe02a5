package io.printrelay.function.storage;

import io.printrelay.function.problem.Unavailable;
import io.printrelay.table.Backoff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * One strongly consistent BatchGetItem of at most 100 keys (DynamoDB's limit), asking again under
 * {@link Backoff#DYNAMODB} for whatever it returns unprocessed (throttled keys). Items come back in
 * no order.
 */
final class BatchGets {
  static final int MAX_KEYS = 100;

  private BatchGets() {}

  static List<Map<String, AttributeValue>> get(
      DynamoDbClient db, String table, List<Map<String, AttributeValue>> keys) {
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
