package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.metrics.LabelTally;
import io.printrelay.table.Expiry;
import io.printrelay.table.JobQueries;
import io.printrelay.table.LabelTallyItems;
import io.printrelay.table.LabelTallyItems.Tally;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link LabelTally} on job-model's {@link LabelTallyItems}: one item, one write per run. */
@Singleton
public class DynamoDbLabelTally implements LabelTally {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbLabelTally(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public Optional<Tally> last() {
    return LabelTallyItems.tally(db.getItem(LabelTallyItems.read(table)).item());
  }

  @Override
  public boolean replace(Tally next) {
    try {
      db.updateItem(
          LabelTallyItems.replace(next.version() - 1, next.counted(), next.until()).request(table));
      return true;
    } catch (ConditionalCheckFailedException anotherRunFirst) {
      return false;
    }
  }

  @Override
  public List<String> finishedBetween(Instant after, Instant until) {
    return db.queryPaginator(Expiry.finishedBetween(table, after, until)).items().stream()
        .map(JobQueries::jobId)
        .toList();
  }
}
