package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.expiry.ExpiryStore;
import io.printrelay.model.FinishedJob;
import io.printrelay.table.Expiry;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link ExpiryStore} on the DynamoDB table: job-model's {@link Expiry} requests. */
@Singleton
public class DynamoDbExpiryStore implements ExpiryStore {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbExpiryStore(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  // One page: the index holds a few bytes per job, far from the 1 MB a Query answers at once.
  @Override
  public List<FinishedJob> labelsDue(Instant now, int limit) {
    return db.query(Expiry.labelsDue(table, now, limit)).items().stream()
        .map(Expiry::finishedJob)
        .toList();
  }

  @Override
  public void deleteLabels(FinishedJob job) {
    List<WriteRequest> deletes =
        Expiry.labelKeys(job).stream()
            .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build())
            .toList();
    BatchWrites.write(db, table, deletes);
  }

  @Override
  public void labelsDeleted(String jobId) {
    try {
      db.updateItem(Expiry.labelsDeleted(jobId).request(table));
    } catch (ConditionalCheckFailedException alreadyExpired) {
      // TTL deleted the job meanwhile: nothing left to take out of the index.
    }
  }
}
