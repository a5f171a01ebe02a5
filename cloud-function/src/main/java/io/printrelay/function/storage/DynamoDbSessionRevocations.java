package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.session.SessionRevocations;
import io.printrelay.table.SessionItems;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link SessionRevocations} on one small item per account (job-model's {@link SessionItems}). */
@Singleton
public class DynamoDbSessionRevocations implements SessionRevocations {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbSessionRevocations(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public Optional<Instant> validAfter(String username) {
    return SessionItems.validAfter(db.getItem(SessionItems.read(table, username)).item());
  }

  @Override
  public void endSessionsBefore(String username, Instant at, Instant keepUntil) {
    try {
      db.updateItem(SessionItems.endSessionsBefore(username, at, keepUntil).request(table));
    } catch (ConditionalCheckFailedException laterCutOffStands) {
      // A sign-out everywhere racing this one set a later cut-off; it ends these sessions too.
    }
  }
}
