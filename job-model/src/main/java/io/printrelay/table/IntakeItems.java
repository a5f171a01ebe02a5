package io.printrelay.table;

import static io.printrelay.table.ItemMapper.instantValue;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.EXPIRES_AT;
import static io.printrelay.table.JobTable.PK;
import static io.printrelay.table.JobTable.SK;
import static io.printrelay.table.JobTable.TYPE;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Intake profiles (how a webhook's body becomes a print job), their secret tokens, and the webhook
 * events each received:
 *
 * <pre>
 *   intake profile  pk INTAKEPROFILE                  sk {profileId}   name, settings (JSON), tokenSha256
 *   intake token    pk INTAKETOKEN#{token SHA-256}    sk INTAKETOKEN   profileId
 *   intake event    pk INTAKEEVENT#{profileId}        sk {receivedAt}#{eventId}
 *                   model, recordId, action, body, status, reason, jobIds, expiresAt (TTL)
 *   intake claim    pk INTAKECLAIM#{profileId}#{model}#{recordId}#{fields SHA-256}  sk INTAKECLAIM
 *                   eventKey, expiresAt (TTL)
 *   pending event   pk INTAKEPENDING                  sk {profileId}#{eventKey}
 *                   profileId, eventKey, dueAt, attempts
 *   status watch    pk INTAKEWATCH                    sk {profileId}#{eventKey}
 *                   statusUrl, baseUrl, model, recordId, jobIds, reported (jobId: status), dueAt,
 *                   attempts
 * </pre>
 *
 * All profiles are one Query (like printers: a handful per deployment). A token names its profile
 * by one GetItem on its hash; the token itself is never stored. An event and its claim are written
 * in one transaction, each only if absent, so the same record's same event is recorded once however
 * often Odoo sends it. A profile's events, newest first, are one Query. An event whose jobs are not
 * made yet has a pending item, written with it and deleted once it is settled: the dispatch sweep
 * reads them all in one Query and makes the jobs of those due (a crash, an Odoo unreachable).
 */
public final class IntakeItems {
  public static final String TYPE_INTAKE_PROFILE = "intakeProfile";
  public static final String TYPE_INTAKE_TOKEN = "intakeToken";
  public static final String TYPE_INTAKE_EVENT = "intakeEvent";
  public static final String TYPE_INTAKE_CLAIM = "intakeClaim";
  public static final String TYPE_INTAKE_PENDING = "intakePending";
  public static final String TYPE_INTAKE_WATCH = "intakeWatch";
  public static final String STATUS_URL = "statusUrl";
  public static final String BASE_URL = "baseUrl";
  public static final String REPORTED = "reported";

  public static final String PROFILE_ID = "profileId";
  public static final String NAME = "name";

  /** The profile's settings as JSON text: read and checked by the function only. */
  public static final String SETTINGS = "settings";

  public static final String TOKEN_SHA256 = "tokenSha256";
  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";

  public static final String EVENT_ID = "eventId";
  public static final String MODEL = "model";
  public static final String RECORD_ID = "recordId";
  public static final String ACTION = "action";
  public static final String BODY = "body";
  public static final String STATUS = "status";
  public static final String REASON = "reason";
  public static final String JOB_IDS = "jobIds";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String EVENT_KEY = "eventKey";
  public static final String DUE_AT = "dueAt";
  public static final String ATTEMPTS = "attempts";

  private static final String PROFILE_PK = "INTAKEPROFILE";
  private static final String TOKEN_PREFIX = "INTAKETOKEN#";
  private static final String TOKEN_SK = "INTAKETOKEN";
  private static final String EVENT_PREFIX = "INTAKEEVENT#";
  private static final String CLAIM_PREFIX = "INTAKECLAIM#";
  private static final String CLAIM_SK = "INTAKECLAIM";
  private static final String PENDING_PK = "INTAKEPENDING";
  private static final String WATCH_PK = "INTAKEWATCH";

  private IntakeItems() {}

  /** A profile as stored. */
  public record Profile(
      String profileId,
      String name,
      String settings,
      String tokenSha256,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * An event as stored.
   *
   * @param key where it is stored: its sort key, {@code {receivedAt}#{eventId}}
   */
  public record Event(
      String profileId,
      String key,
      String eventId,
      String model,
      long recordId,
      String action,
      String body,
      String status,
      String reason,
      List<String> jobIds,
      Instant receivedAt,
      Instant updatedAt) {}

  /**
   * An event whose jobs are still to be made.
   *
   * @param attempts how many tries to make them failed for a reason that may pass
   */
  public record Pending(String profileId, String eventKey, Instant dueAt, int attempts) {}

  /**
   * An event's jobs whose status Odoo is told of.
   *
   * @param baseUrl the API's URL as the webhook reached it; null when unknown
   * @param reported per job, the last status Odoo acknowledged
   * @param attempts failed posts of the report now due
   */
  public record Watch(
      String profileId,
      String eventKey,
      String statusUrl,
      String baseUrl,
      String model,
      long recordId,
      List<String> jobIds,
      Map<String, String> reported,
      Instant dueAt,
      int attempts) {}

  private static Map<String, AttributeValue> watchKey(String profileId, String eventKey) {
    return Map.of(PK, s(WATCH_PK), SK, s(profileId + "#" + eventKey));
  }

  /** Starts watching an event's jobs; replaces nothing already there. */
  public static List<TransactWriteItem> watch(String table, Watch watch) {
    Map<String, AttributeValue> item = new HashMap<>(watchKey(watch.profileId(), watch.eventKey()));
    item.put(TYPE, s(TYPE_INTAKE_WATCH));
    item.put(PROFILE_ID, s(watch.profileId()));
    item.put(EVENT_KEY, s(watch.eventKey()));
    item.put(STATUS_URL, s(watch.statusUrl()));
    if (watch.baseUrl() != null) {
      item.put(BASE_URL, s(watch.baseUrl()));
    }
    item.put(MODEL, s(watch.model()));
    item.put(RECORD_ID, n(watch.recordId()));
    item.put(JOB_IDS, AttributeValue.fromL(watch.jobIds().stream().map(ItemMapper::s).toList()));
    item.put(REPORTED, AttributeValue.fromM(reported(watch.reported())));
    item.put(DUE_AT, instantValue(watch.dueAt()));
    item.put(ATTEMPTS, n(watch.attempts()));
    return List.of(ItemUpdate.putIfAbsent(table, item));
  }

  private static Map<String, AttributeValue> reported(Map<String, String> reported) {
    Map<String, AttributeValue> values = new HashMap<>();
    reported.forEach((jobId, status) -> values.put(jobId, s(status)));
    return values;
  }

  public static QueryRequest allWatches(String table) {
    return PartitionQuery.of(table, WATCH_PK).build();
  }

  public static Optional<Watch> watch(Map<String, AttributeValue> item) {
    if (item == null || !item.containsKey(STATUS_URL)) {
      return Optional.empty();
    }
    Map<String, String> reported = new HashMap<>();
    AttributeValue map = item.get(REPORTED);
    if (map != null && map.hasM()) {
      map.m().forEach((jobId, status) -> reported.put(jobId, status.s()));
    }
    return Optional.of(
        new Watch(
            string(item, PROFILE_ID),
            string(item, EVENT_KEY),
            string(item, STATUS_URL),
            string(item, BASE_URL),
            string(item, MODEL),
            Long.parseLong(item.get(RECORD_ID).n()),
            item.get(JOB_IDS).l().stream().map(AttributeValue::s).toList(),
            reported,
            Instant.parse(string(item, DUE_AT)),
            Integer.parseInt(item.get(ATTEMPTS).n())));
  }

  /** What Odoo has acknowledged now, and when to look again. */
  public static ItemUpdate watched(
      String profileId,
      String eventKey,
      Map<String, String> reported,
      Instant dueAt,
      int attempts) {
    return ItemUpdate.of(watchKey(profileId, eventKey))
        .set(REPORTED, AttributeValue.fromM(reported(reported)))
        .set(DUE_AT, instantValue(dueAt))
        .set(ATTEMPTS, n(attempts))
        .when(Condition.exists(PK));
  }

  /** Every job final and reported (or given up on): nothing left to watch. */
  public static DeleteItemRequest unwatch(String table, String profileId, String eventKey) {
    return DeleteItemRequest.builder().tableName(table).key(watchKey(profileId, eventKey)).build();
  }

  public static Map<String, AttributeValue> profileKey(String profileId) {
    return Map.of(PK, s(PROFILE_PK), SK, s(profileId));
  }

  public static Map<String, AttributeValue> tokenKey(String tokenSha256) {
    return Map.of(PK, s(TOKEN_PREFIX + tokenSha256), SK, s(TOKEN_SK));
  }

  /** A new profile and its token: both written, or neither (the id is taken). */
  public static List<TransactWriteItem> create(String table, Profile profile) {
    Map<String, AttributeValue> item = new HashMap<>(profileKey(profile.profileId()));
    item.put(TYPE, s(TYPE_INTAKE_PROFILE));
    item.put(PROFILE_ID, s(profile.profileId()));
    item.put(NAME, s(profile.name()));
    item.put(SETTINGS, s(profile.settings()));
    item.put(TOKEN_SHA256, s(profile.tokenSha256()));
    item.put(CREATED_AT, instantValue(profile.createdAt()));
    item.put(UPDATED_AT, instantValue(profile.updatedAt()));
    return List.of(
        ItemUpdate.putIfAbsent(table, item),
        ItemUpdate.putIfAbsent(table, token(profile.tokenSha256(), profile.profileId())));
  }

  private static Map<String, AttributeValue> token(String tokenSha256, String profileId) {
    Map<String, AttributeValue> item = new HashMap<>(tokenKey(tokenSha256));
    item.put(TYPE, s(TYPE_INTAKE_TOKEN));
    item.put(PROFILE_ID, s(profileId));
    return item;
  }

  /** New name and settings for a profile that exists; its token stays. */
  public static ItemUpdate change(String profileId, String name, String settings, Instant at) {
    return ItemUpdate.of(profileKey(profileId))
        .set(NAME, s(name))
        .set(SETTINGS, s(settings))
        .set(UPDATED_AT, instantValue(at))
        .when(Condition.exists(PK));
  }

  /**
   * A new token in place of the old one, only while the old one is the profile's: of two rotations
   * racing, one wins, and the old token stops working in the same write.
   */
  public static List<TransactWriteItem> rotate(
      String table, String profileId, String oldSha256, String newSha256, Instant at) {
    return List.of(
        ItemUpdate.of(profileKey(profileId))
            .set(TOKEN_SHA256, s(newSha256))
            .set(UPDATED_AT, instantValue(at))
            .when(Condition.equalTo(TOKEN_SHA256, s(oldSha256)))
            .transactItem(table),
        delete(table, tokenKey(oldSha256)),
        ItemUpdate.putIfAbsent(table, token(newSha256, profileId)));
  }

  /** The profile and its token, while the token is still the one read. */
  public static List<TransactWriteItem> delete(String table, String profileId, String tokenSha256) {
    return List.of(
        deleteWhen(table, profileKey(profileId), Condition.equalTo(TOKEN_SHA256, s(tokenSha256))),
        delete(table, tokenKey(tokenSha256)));
  }

  private static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
    return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build();
  }

  private static TransactWriteItem deleteWhen(
      String table, Map<String, AttributeValue> key, Condition required) {
    Placeholders p = new Placeholders();
    String check = required.render(p);
    return TransactWriteItem.builder()
        .delete(
            d ->
                d.tableName(table)
                    .key(key)
                    .conditionExpression(check)
                    .expressionAttributeNames(p.names())
                    .expressionAttributeValues(p.values()))
        .build();
  }

  public static QueryRequest allProfiles(String table) {
    return PartitionQuery.of(table, PROFILE_PK).build();
  }

  public static GetItemRequest readProfile(String table, String profileId) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(profileKey(profileId))
        .consistentRead(true)
        .build();
  }

  /** The token's item: a rotation or delete counts from the next request on. */
  public static GetItemRequest readToken(String table, String tokenSha256) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(tokenKey(tokenSha256))
        .consistentRead(true)
        .build();
  }

  /** The profile a token item names; empty for no item. */
  public static Optional<String> profileIdOfToken(Map<String, AttributeValue> item) {
    return Optional.ofNullable(string(item, PROFILE_ID));
  }

  /** The profile an item holds; empty for no item. */
  public static Optional<Profile> profile(Map<String, AttributeValue> item) {
    if (item == null || !item.containsKey(SETTINGS)) {
      return Optional.empty();
    }
    return Optional.of(
        new Profile(
            string(item, PROFILE_ID),
            string(item, NAME),
            string(item, SETTINGS),
            string(item, TOKEN_SHA256),
            Instant.parse(string(item, CREATED_AT)),
            Instant.parse(string(item, UPDATED_AT))));
  }

  /** Sorts a profile's events by arrival. */
  public static String eventKey(Instant receivedAt, String eventId) {
    return ItemKeys.instant(receivedAt) + "#" + eventId;
  }

  /**
   * The event and the claim of its record's state, each only if absent: refused at action 1 when
   * the same profile received the same record with the same fields before (while that claim lasts).
   *
   * @param model Odoo's model name, {@code [a-z0-9_.]} only, so that no model and id spell another
   */
  public static List<TransactWriteItem> record(
      String table, Event event, String fieldsSha256, Instant dueAt, Instant keepUntil) {
    Map<String, AttributeValue> item =
        new HashMap<>(Map.of(PK, s(EVENT_PREFIX + event.profileId()), SK, s(event.key())));
    item.put(TYPE, s(TYPE_INTAKE_EVENT));
    item.put(PROFILE_ID, s(event.profileId()));
    item.put(EVENT_ID, s(event.eventId()));
    item.put(MODEL, s(event.model()));
    item.put(RECORD_ID, n(event.recordId()));
    if (event.action() != null) {
      item.put(ACTION, s(event.action()));
    }
    item.put(BODY, s(event.body()));
    item.put(STATUS, s(event.status()));
    item.put(RECEIVED_AT, instantValue(event.receivedAt()));
    item.put(UPDATED_AT, instantValue(event.updatedAt()));
    item.put(EXPIRES_AT, n(keepUntil.getEpochSecond()));
    Map<String, AttributeValue> claim =
        new HashMap<>(
            Map.of(
                PK,
                s(
                    CLAIM_PREFIX
                        + event.profileId()
                        + "#"
                        + event.model()
                        + "#"
                        + event.recordId()
                        + "#"
                        + fieldsSha256),
                SK,
                s(CLAIM_SK)));
    claim.put(TYPE, s(TYPE_INTAKE_CLAIM));
    claim.put(EVENT_KEY, s(event.key()));
    claim.put(EXPIRES_AT, n(keepUntil.getEpochSecond()));
    Map<String, AttributeValue> pending = new HashMap<>(pendingKey(event.profileId(), event.key()));
    pending.put(TYPE, s(TYPE_INTAKE_PENDING));
    pending.put(PROFILE_ID, s(event.profileId()));
    pending.put(EVENT_KEY, s(event.key()));
    pending.put(DUE_AT, instantValue(dueAt));
    pending.put(ATTEMPTS, n(0));
    return List.of(
        ItemUpdate.putIfAbsent(table, item),
        ItemUpdate.putIfAbsent(table, claim),
        ItemUpdate.putIfAbsent(table, pending));
  }

  private static Map<String, AttributeValue> pendingKey(String profileId, String eventKey) {
    return Map.of(PK, s(PENDING_PK), SK, s(profileId + "#" + eventKey));
  }

  /** Every event whose jobs are still to be made: a few at most, unless Odoo is unreachable. */
  public static QueryRequest allPending(String table) {
    return PartitionQuery.of(table, PENDING_PK).build();
  }

  public static Optional<Pending> pending(Map<String, AttributeValue> item) {
    if (item == null || !item.containsKey(DUE_AT)) {
      return Optional.empty();
    }
    return Optional.of(
        new Pending(
            string(item, PROFILE_ID),
            string(item, EVENT_KEY),
            Instant.parse(string(item, DUE_AT)),
            Integer.parseInt(item.get(ATTEMPTS).n())));
  }

  /** Tries again at {@code dueAt}; nothing if the event was settled meanwhile. */
  public static ItemUpdate postpone(
      String profileId, String eventKey, Instant dueAt, int attempts) {
    return ItemUpdate.of(pendingKey(profileId, eventKey))
        .set(DUE_AT, instantValue(dueAt))
        .set(ATTEMPTS, n(attempts))
        .when(Condition.exists(PK));
  }

  /** The event is settled: nothing left to make. */
  public static DeleteItemRequest settled(String table, String profileId, String eventKey) {
    return DeleteItemRequest.builder()
        .tableName(table)
        .key(pendingKey(profileId, eventKey))
        .build();
  }

  /** The event a refused claim names (its sort key), from the claim item as it was. */
  public static Optional<String> claimedEventKey(Map<String, AttributeValue> claim) {
    return Optional.ofNullable(string(claim, EVENT_KEY));
  }

  public static GetItemRequest readEvent(String table, String profileId, String key) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(eventItemKey(profileId, key))
        .consistentRead(true)
        .build();
  }

  private static Map<String, AttributeValue> eventItemKey(String profileId, String key) {
    return Map.of(PK, s(EVENT_PREFIX + profileId), SK, s(key));
  }

  /** A profile's newest events first, at most {@code limit}. */
  public static QueryRequest recentEvents(String table, String profileId, int limit) {
    return PartitionQuery.of(table, EVENT_PREFIX + profileId)
        .scanIndexForward(false)
        .limit(limit)
        .build();
  }

  /** What became of an event: its status, why (for a failure) and the jobs it made. */
  public static ItemUpdate settle(
      String profileId, String key, String status, String reason, List<String> jobIds, Instant at) {
    ItemUpdate update =
        ItemUpdate.of(eventItemKey(profileId, key))
            .set(STATUS, s(status))
            .set(UPDATED_AT, instantValue(at))
            .setOrRemove(REASON, reason)
            .when(Condition.exists(PK));
    if (jobIds.isEmpty()) {
      update.remove(JOB_IDS);
    } else {
      update.set(JOB_IDS, AttributeValue.fromL(jobIds.stream().map(ItemMapper::s).toList()));
    }
    return update;
  }

  /** The event an item holds; empty for no item. */
  public static Optional<Event> event(Map<String, AttributeValue> item) {
    if (item == null || !item.containsKey(EVENT_ID)) {
      return Optional.empty();
    }
    AttributeValue jobIds = item.get(JOB_IDS);
    return Optional.of(
        new Event(
            string(item, PROFILE_ID),
            item.get(SK).s(),
            string(item, EVENT_ID),
            string(item, MODEL),
            Long.parseLong(item.get(RECORD_ID).n()),
            string(item, ACTION),
            string(item, BODY),
            string(item, STATUS),
            string(item, REASON),
            jobIds == null ? List.of() : jobIds.l().stream().map(AttributeValue::s).toList(),
            Instant.parse(string(item, RECEIVED_AT)),
            Instant.parse(string(item, UPDATED_AT))));
  }

  private static String string(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item == null ? null : item.get(attribute);
    return value == null ? null : value.s();
  }
}
