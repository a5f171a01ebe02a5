package io.printrelay.table;

import static io.printrelay.table.ItemMapper.instantValue;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.EXPIRES_AT;
import static io.printrelay.table.JobTable.PK;
import static io.printrelay.table.JobTable.SK;
import static io.printrelay.table.JobTable.TYPE;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Failed sign-ins counted against one user name or one source address:
 *
 * <pre>
 *   sign-in failures   pk SIGNIN#{scope}#{id}   sk SIGNIN
 *                      failures, windowStart, lastFailure, version, expiresAt (TTL)
 * </pre>
 *
 * A new count replaces the item only if its {@code version} is still the one read (absent: no item
 * yet), so racing sign-ins are each counted once. The item expires when its count is forgotten.
 */
public final class SignInCounterItems {
  public static final String TYPE_SIGN_IN_FAILURES = "signInFailures";
  public static final String FAILURES = "failures";
  public static final String WINDOW_START = "windowStart";
  public static final String LAST_FAILURE = "lastFailure";
  public static final String VERSION = "version";

  private static final String PK_PREFIX = "SIGNIN#";
  private static final String SK_VALUE = "SIGNIN";

  private SignInCounterItems() {}

  /**
   * @param version the item's version: 1 for the first write, one more for each after
   */
  public record Counter(int failures, Instant windowStart, Instant lastFailure, long version) {}

  public static Map<String, AttributeValue> key(String scope, String id) {
    return Map.of(PK, s(PK_PREFIX + scope + "#" + id), SK, s(SK_VALUE));
  }

  public static GetItemRequest read(String table, String scope, String id) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(key(scope, id))
        .consistentRead(true)
        .build();
  }

  /** The counter an item holds; empty for no item. */
  public static Optional<Counter> counter(Map<String, AttributeValue> item) {
    if (item == null || !item.containsKey(VERSION)) {
      return Optional.empty();
    }
    return Optional.of(
        new Counter(
            Integer.parseInt(item.get(FAILURES).n()),
            Instant.parse(item.get(WINDOW_START).s()),
            Instant.parse(item.get(LAST_FAILURE).s()),
            Long.parseLong(item.get(VERSION).n())));
  }

  /** The new count, if the item is still at {@code expectedVersion} (0: there is no item). */
  public static ItemUpdate replace(
      String scope,
      String id,
      long expectedVersion,
      int failures,
      Instant windowStart,
      Instant lastFailure,
      Instant keepUntil) {
    return ItemUpdate.of(key(scope, id))
        .set(TYPE, s(TYPE_SIGN_IN_FAILURES))
        .set(FAILURES, n(failures))
        .set(WINDOW_START, instantValue(windowStart))
        .set(LAST_FAILURE, instantValue(lastFailure))
        .set(VERSION, n(expectedVersion + 1))
        .set(EXPIRES_AT, n(keepUntil.getEpochSecond() + 1))
        .when(
            expectedVersion == 0
                ? Condition.notExists(PK)
                : Condition.equalTo(VERSION, n(expectedVersion)));
  }

  /**
   * One failure fewer in the count begun at {@code windowStart}; refused once a new count has
   * replaced it. Within one count every take-back follows its own failure, so it never goes below
   * 0.
   */
  public static ItemUpdate takeBack(String scope, String id, Instant windowStart) {
    return ItemUpdate.of(key(scope, id))
        .increment(FAILURES, -1)
        .increment(VERSION, 1)
        .when(Condition.equalTo(WINDOW_START, instantValue(windowStart)));
  }

  /** No failures; refused when there is no item (a clear never creates one). */
  public static ItemUpdate clear(String scope, String id) {
    return ItemUpdate.of(key(scope, id))
        .set(FAILURES, n(0))
        .increment(VERSION, 1)
        .when(Condition.exists(PK));
  }
}
