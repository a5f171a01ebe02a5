package io.printrelay.function.storage;

import io.micronaut.json.JsonMapper;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.webhooks.IntakeEvent;
import io.printrelay.function.webhooks.IntakeProfile;
import io.printrelay.function.webhooks.ProfileSettings;
import io.printrelay.function.webhooks.ProfileStore;
import io.printrelay.function.webhooks.StatusWatch;
import io.printrelay.table.Backoff;
import io.printrelay.table.IntakeItems;
import io.printrelay.table.Transact;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link ProfileStore} on job-model's {@link IntakeItems}; settings are stored as JSON text. */
@Singleton
public class DynamoDbProfileStore implements ProfileStore {
  private final DynamoDbClient db;
  private final String table;
  private final JsonMapper json;

  public DynamoDbProfileStore(DynamoDbClient db, PrintrelaySettings settings, JsonMapper json) {
    this.db = db;
    this.table = settings.table();
    this.json = json;
  }

  @Override
  public void create(IntakeProfile profile) {
    Transact.Outcome outcome =
        Transact.write(db, IntakeItems.create(table, stored(profile)), Backoff.DYNAMODB);
    if (!outcome.committed()) {
      throw new IllegalStateException("a new profile's id or token is taken");
    }
  }

  @Override
  public boolean change(String profileId, ProfileSettings settings, Instant at) {
    try {
      db.updateItem(
          IntakeItems.change(profileId, settings.name(), write(settings), at).request(table));
      return true;
    } catch (ConditionalCheckFailedException gone) {
      return false;
    }
  }

  @Override
  public boolean rotate(IntakeProfile profile, String newTokenSha256, Instant at) {
    return Transact.write(
            db,
            IntakeItems.rotate(
                table, profile.profileId(), profile.tokenSha256(), newTokenSha256, at),
            Backoff.DYNAMODB)
        .committed();
  }

  @Override
  public boolean delete(IntakeProfile profile) {
    return Transact.write(
            db,
            IntakeItems.delete(table, profile.profileId(), profile.tokenSha256()),
            Backoff.DYNAMODB)
        .committed();
  }

  @Override
  public List<IntakeProfile> all() {
    List<IntakeProfile> profiles = new ArrayList<>();
    db.queryPaginator(IntakeItems.allProfiles(table))
        .items()
        .forEach(item -> IntakeItems.profile(item).map(this::profile).ifPresent(profiles::add));
    return profiles;
  }

  @Override
  public Optional<IntakeProfile> profile(String profileId) {
    return IntakeItems.profile(db.getItem(IntakeItems.readProfile(table, profileId)).item())
        .map(this::profile);
  }

  @Override
  public Optional<String> profileIdForToken(String tokenSha256) {
    return IntakeItems.profileIdOfToken(
        db.getItem(IntakeItems.readToken(table, tokenSha256)).item());
  }

  @Override
  public Recorded record(IntakeEvent event, String fieldsSha256, Instant dueAt, Instant keepUntil) {
    String key = IntakeItems.eventKey(event.receivedAt(), event.eventId());
    IntakeEvent keyed = withKey(event, key);
    Transact.Outcome outcome =
        Transact.write(
            db,
            IntakeItems.record(table, stored(keyed), fieldsSha256, dueAt, keepUntil),
            Backoff.DYNAMODB);
    if (outcome.committed()) {
      return new Recorded(keyed, true);
    }
    String earlierKey =
        IntakeItems.claimedEventKey(outcome.refusedItem(1))
            .orElseThrow(() -> new IllegalStateException("a new event's id is taken"));
    Map<String, AttributeValue> earlier =
        db.getItem(IntakeItems.readEvent(table, event.profileId(), earlierKey)).item();
    // The claim outlives its event by nothing: both expire together, and TTL may take either first.
    return new Recorded(
        IntakeItems.event(earlier).map(DynamoDbProfileStore::event).orElse(keyed), false);
  }

  @Override
  public void settle(
      IntakeEvent event,
      IntakeEvent.Status status,
      String reason,
      List<String> jobIds,
      Instant at) {
    db.updateItem(
        IntakeItems.settle(event.profileId(), event.key(), status.wireName(), reason, jobIds, at)
            .request(table));
    dropPending(event.profileId(), event.key());
  }

  @Override
  public Optional<IntakeEvent> event(String profileId, String eventKey) {
    return IntakeItems.event(db.getItem(IntakeItems.readEvent(table, profileId, eventKey)).item())
        .map(DynamoDbProfileStore::event);
  }

  @Override
  public List<Pending> pending() {
    List<Pending> pending = new ArrayList<>();
    db.queryPaginator(IntakeItems.allPending(table))
        .items()
        .forEach(
            item ->
                IntakeItems.pending(item)
                    .ifPresent(
                        p ->
                            pending.add(
                                new Pending(
                                    p.profileId(), p.eventKey(), p.dueAt(), p.attempts()))));
    return pending;
  }

  @Override
  public void postpone(Pending pending, Instant dueAt, int attempts) {
    try {
      db.updateItem(
          IntakeItems.postpone(pending.profileId(), pending.eventKey(), dueAt, attempts)
              .request(table));
    } catch (ConditionalCheckFailedException settled) {
      // Settled meanwhile: nothing to try again.
    }
  }

  @Override
  public void retryLater(
      IntakeEvent event, String reason, Instant dueAt, int attempts, Instant at) {
    db.updateItem(
        IntakeItems.settle(
                event.profileId(),
                event.key(),
                IntakeEvent.Status.RECEIVED.wireName(),
                reason,
                List.of(),
                at)
            .request(table));
    postpone(new Pending(event.profileId(), event.key(), dueAt, attempts), dueAt, attempts);
  }

  @Override
  public void watch(StatusWatch watch) {
    Transact.write(
        db,
        IntakeItems.watch(
            table,
            new IntakeItems.Watch(
                watch.profileId(),
                watch.eventKey(),
                watch.statusUrl(),
                watch.baseUrl(),
                watch.model(),
                watch.recordId(),
                watch.jobIds(),
                watch.reported(),
                watch.dueAt(),
                watch.attempts())),
        Backoff.DYNAMODB);
  }

  @Override
  public List<StatusWatch> watches() {
    List<StatusWatch> watches = new ArrayList<>();
    db.queryPaginator(IntakeItems.allWatches(table))
        .items()
        .forEach(
            item ->
                IntakeItems.watch(item)
                    .ifPresent(
                        w ->
                            watches.add(
                                new StatusWatch(
                                    w.profileId(),
                                    w.eventKey(),
                                    w.statusUrl(),
                                    w.baseUrl(),
                                    w.model(),
                                    w.recordId(),
                                    w.jobIds(),
                                    w.reported(),
                                    w.dueAt(),
                                    w.attempts()))));
    return watches;
  }

  @Override
  public void watched(
      StatusWatch watch, Map<String, String> reported, Instant dueAt, int attempts) {
    try {
      db.updateItem(
          IntakeItems.watched(watch.profileId(), watch.eventKey(), reported, dueAt, attempts)
              .request(table));
    } catch (ConditionalCheckFailedException gone) {
      // Unwatched meanwhile.
    }
  }

  @Override
  public void unwatch(StatusWatch watch) {
    db.deleteItem(IntakeItems.unwatch(table, watch.profileId(), watch.eventKey()));
  }

  @Override
  public void dropPending(String profileId, String eventKey) {
    db.deleteItem(IntakeItems.settled(table, profileId, eventKey));
  }

  @Override
  public List<IntakeEvent> recentEvents(String profileId, int limit) {
    return db.query(IntakeItems.recentEvents(table, profileId, limit)).items().stream()
        .flatMap(item -> IntakeItems.event(item).stream())
        .map(DynamoDbProfileStore::event)
        .toList();
  }

  private IntakeItems.Profile stored(IntakeProfile profile) {
    return new IntakeItems.Profile(
        profile.profileId(),
        profile.settings().name(),
        write(profile.settings()),
        profile.tokenSha256(),
        profile.createdAt(),
        profile.updatedAt());
  }

  private IntakeProfile profile(IntakeItems.Profile stored) {
    try {
      return new IntakeProfile(
          stored.profileId(),
          json.readValue(stored.settings().getBytes(StandardCharsets.UTF_8), ProfileSettings.class),
          stored.tokenSha256(),
          stored.createdAt(),
          stored.updatedAt());
    } catch (IOException e) {
      throw new UncheckedIOException("profile " + stored.profileId() + " holds no settings", e);
    }
  }

  private String write(ProfileSettings settings) {
    try {
      return new String(json.writeValueAsBytes(settings), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IntakeItems.Event stored(IntakeEvent event) {
    return new IntakeItems.Event(
        event.profileId(),
        event.key(),
        event.eventId(),
        event.model(),
        event.recordId(),
        event.action(),
        event.body(),
        event.status().wireName(),
        event.reason(),
        event.jobIds(),
        event.receivedAt(),
        event.updatedAt());
  }

  private static IntakeEvent event(IntakeItems.Event stored) {
    return new IntakeEvent(
        stored.profileId(),
        stored.key(),
        stored.eventId(),
        stored.model(),
        stored.recordId(),
        stored.action(),
        stored.body(),
        IntakeEvent.Status.parse(stored.status()),
        stored.reason(),
        stored.jobIds(),
        stored.receivedAt(),
        stored.updatedAt());
  }

  private static IntakeEvent withKey(IntakeEvent event, String key) {
    return new IntakeEvent(
        event.profileId(),
        key,
        event.eventId(),
        event.model(),
        event.recordId(),
        event.action(),
        event.body(),
        event.status(),
        event.reason(),
        event.jobIds(),
        event.receivedAt(),
        event.updatedAt());
  }
}
