package io.printrelay.function.webhooks;

import java.time.Instant;
import java.util.List;
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
  Recorded record(IntakeEvent event, String fieldsSha256, Instant keepUntil);

  /** What became of an event. */
  void settle(
      IntakeEvent event, IntakeEvent.Status status, String reason, List<String> jobIds, Instant at);

  /** A profile's newest events, at most {@code limit}. */
  List<IntakeEvent> recentEvents(String profileId, int limit);

  /**
   * @param fresh false when {@code event} is the earlier one, found by its record's state
   */
  record Recorded(IntakeEvent event, boolean fresh) {}
}
