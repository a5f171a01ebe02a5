package io.printrelay.function.storage;

import io.printrelay.model.Job;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads one job item, strongly consistent: decisions are taken on what it says. */
final class JobItems {
  private JobItems() {}

  static Optional<Job> read(DynamoDbClient db, String table, String jobId) {
    Map<String, AttributeValue> item =
        db.getItem(b -> b.tableName(table).key(ItemKeys.job(jobId)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ItemMapper.job(item));
  }
}
