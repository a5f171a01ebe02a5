package io.printrelay.function.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where intake profiles, their tokens and their events are kept. A token is known by its SHA-256
 * only; a profile holds its current one, so a rotation or delete ends the old one in the same
 * write.
 */
public interface ProfileStore {
  /** Stores a new profile with its token's hash. */
  void create(IntakeProfile profile);

  /** False when there is no such profile. */
  boolean change(String profileId, ProfileSettings settings, Instant at);

  /** False when the profile is gone or its token changed since it was read. */
  boolean rotate(IntakeProfile profile, String newTokenSha256, Instant at);

  /** False when the profile is gone or its token changed since it was read. */
  boolean delete(IntakeProfile profile);

  List<IntakeProfile> all();

  Optional<IntakeProfile> profile(String profileId);

  /** The profile whose current token has this hash. */
  Optional<String> profileIdForToken(String tokenSha256);

  /**
   * Records an event, unless the profile received the same record with the same fields before.
   *
   * @param fieldsSha256 the hash of the body's fields (what makes the record's state)
   * @return the event recorded, or the earlier one that holds this record's state
   */
  Recorded record(IntakeEvent event, String fieldsSha256, Instant dueAt, Instant keepUntil);

  /** One event as stored. */
  Optional<IntakeEvent> event(String profileId, String eventKey);

  /** Every event whose jobs are still to be made, due or not. */
  List<Pending> pending();

  /** Its jobs are tried again at {@code dueAt}. */
  void postpone(Pending pending, Instant dueAt, int attempts);

  /** The event stays received, with why, and is tried again at {@code dueAt}. */
  void retryLater(IntakeEvent event, String reason, Instant dueAt, int attempts, Instant at);

  /** Starts telling Odoo of the event's jobs (nothing if already watched). */
  void watch(StatusWatch watch);

  /** Every event whose jobs Odoo is still told of. */
  List<StatusWatch> watches();

  /** What Odoo acknowledged, and when to look again. */
  void watched(StatusWatch watch, Map<String, String> reported, Instant dueAt, int attempts);

  /** Nothing left to tell. */
  void unwatch(StatusWatch watch);

  /** No more tries: the event was settled, or is gone. */
  void dropPending(String profileId, String eventKey);

  /** What became of an event; it is pending no more. */
  void settle(
      IntakeEvent event, IntakeEvent.Status status, String reason, List<String> jobIds, Instant at);

  /** A profile's newest events, at most {@code limit}. */
  List<IntakeEvent> recentEvents(String profileId, int limit);

  /**
   * @param fresh false when {@code event} is the earlier one, found by its record's state
   */
  record Recorded(IntakeEvent event, boolean fresh) {}

  /**
   * An event whose jobs are still to be made.
   *
   * @param attempts how many tries failed for a reason that may pass
   */
  record Pending(String profileId, String eventKey, Instant dueAt, int attempts) {}
}
