package io.printrelay.function.storage;

import io.printrelay.function.problem.Unavailable;
import io.printrelay.table.Backoff;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in chunks of 25 (DynamoDB's limit), re-sending whatever it returns unprocessed
 * (throttled items) under {@link Backoff#DYNAMODB}. Not atomic: callers write items that are
 * invisible until a later conditional write makes them part of something.
 */
final class BatchWrites {
  static final int MAX_ITEMS = 25;

  private BatchWrites() {}

  static void write(DynamoDbClient db, String table, List<WriteRequest> requests) {
    for (int from = 0; from < requests.size(); from += MAX_ITEMS) {
      List<WriteRequest> chunk =
          requests.subList(from, Math.min(from + MAX_ITEMS, requests.size()));
      Map<String, List<WriteRequest>> pending = Map.of(table, chunk);
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        if (attempt > 1) {
          if (Backoff.DYNAMODB.exhausted(attempt - 1)) {
            throw new Unavailable("The job store is throttling writes; retry shortly.");
          }
          Backoff.DYNAMODB.pause(attempt - 1);
        }
        Map<String, List<WriteRequest>> request = pending;
        pending = db.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }
}
