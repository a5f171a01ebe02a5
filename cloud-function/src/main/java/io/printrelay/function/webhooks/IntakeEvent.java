package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One webhook call a profile received, as recorded.
 *
 * @param key where it is stored among its profile's events (sorted by arrival)
 * @param action Odoo's {@code _action}: the rule that sent it, {@code "Print labels(#12)"}
 * @param body the body as received (JSON text)
 * @param reason why it failed, in words; null otherwise
 * @param jobIds the jobs it made, in print order
 */
public record IntakeEvent(
    String profileId,
    String key,
    String eventId,
    String model,
    long recordId,
    @Nullable String action,
    String body,
    Status status,
    @Nullable String reason,
    List<String> jobIds,
    Instant receivedAt,
    Instant updatedAt) {

  public IntakeEvent {
    jobIds = List.copyOf(jobIds);
  }

  public enum Status {
    /** Recorded; its jobs not made yet. */
    RECEIVED,
    /** Its jobs are stored and queued. */
    SUBMITTED,
    /** No job made: {@code reason} says why. */
    FAILED,
    /** The record no longer exists in Odoo: nothing to print. */
    DROPPED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String wireName) {
      return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
  }
}
