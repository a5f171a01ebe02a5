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
 * An operator account's session cut-off: sessions it opened before {@code validAfter} are over
 * ("sign out everywhere"). One small item per account that ever signed out everywhere:
 *
 * <pre>
 *   sessions   pk SESSIONS#{username}   sk SESSIONS   validAfter, expiresAt (TTL)
 * </pre>
 *
 * It expires when every session it ends has expired anyway. The cut-off only moves forward: of two
 * sign-outs racing, the later one stands.
 */
public final class SessionItems {
  public static final String TYPE_SESSIONS = "sessions";
  public static final String VALID_AFTER = "validAfter";

  private static final String PK_PREFIX = "SESSIONS#";
  private static final String SK_VALUE = "SESSIONS";

  private SessionItems() {}

  public static Map<String, AttributeValue> key(String username) {
    return Map.of(PK, s(PK_PREFIX + username), SK, s(SK_VALUE));
  }

  /** Ends the account's sessions opened before {@code at}; refused if a later cut-off stands. */
  public static ItemUpdate endSessionsBefore(String username, Instant at, Instant keepUntil) {
    return ItemUpdate.of(key(username))
        .set(TYPE, s(TYPE_SESSIONS))
        .set(VALID_AFTER, instantValue(at))
        .set(EXPIRES_AT, n(keepUntil.getEpochSecond()))
        .when(
            Condition.notExists(VALID_AFTER).or(Condition.lessThan(VALID_AFTER, instantValue(at))));
  }

  /** A strongly consistent read: a sign-out everywhere counts from the next request on. */
  public static GetItemRequest read(String table, String username) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(key(username))
        .consistentRead(true)
        .build();
  }

  /** The cut-off an item holds; empty for no item. */
  public static Optional<Instant> validAfter(Map<String, AttributeValue> item) {
    AttributeValue value = item == null ? null : item.get(VALID_AFTER);
    return value == null ? Optional.empty() : Optional.of(Instant.parse(value.s()));
  }
}
