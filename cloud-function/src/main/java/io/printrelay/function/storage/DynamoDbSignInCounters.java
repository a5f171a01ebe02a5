package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.session.Failures;
import io.printrelay.function.session.SignInCounters;
import io.printrelay.table.Backoff;
import io.printrelay.table.SignInCounterItems;
import io.printrelay.table.Transact;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link SignInCounters} on job-model's {@link SignInCounterItems}: one item per user name or
 * address; a sign-in's two counts are replaced in one TransactWriteItems, both or neither.
 */
@Singleton
public class DynamoDbSignInCounters implements SignInCounters {
  private final DynamoDbClient db;
  private final String table;

  public DynamoDbSignInCounters(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public Counted read(Key key) {
    return SignInCounterItems.counter(
            db.getItem(SignInCounterItems.read(table, key.scope(), key.id())).item())
        .map(
            counter ->
                new Counted(
                    new Failures(counter.failures(), counter.windowStart(), counter.lastFailure()),
                    counter.version()))
        .orElse(Counted.NONE);
  }

  @Override
  public boolean replace(List<Replacement> replacements) {
    List<TransactWriteItem> writes =
        replacements.stream()
            .map(
                r ->
                    SignInCounterItems.replace(
                            r.key().scope(),
                            r.key().id(),
                            r.expectedVersion(),
                            r.failures().count(),
                            r.failures().windowStart(),
                            r.failures().lastFailure(),
                            r.keepUntil())
                        .transactItem(table))
            .toList();
    return Transact.write(db, writes, Backoff.DYNAMODB).committed();
  }

  @Override
  public void takeBack(Key key, Instant windowStart) {
    try {
      db.updateItem(SignInCounterItems.takeBack(key.scope(), key.id(), windowStart).request(table));
    } catch (ConditionalCheckFailedException replacedSince) {
      // The count this attempt was part of is gone; there is nothing to take back from.
    }
  }

  @Override
  public void clear(Key key) {
    try {
      db.updateItem(SignInCounterItems.clear(key.scope(), key.id()).request(table));
    } catch (ConditionalCheckFailedException noItem) {
      // Nothing counted: nothing to clear.
    }
  }
}
