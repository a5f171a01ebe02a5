package io.printrelay.function.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A webhook event as docs/api.md#intake-events shows it.
 *
 * @param duplicate in the answer to a webhook: true when the same record state was received before,
 *     and this is that earlier event (nothing new printed)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventView(
    String eventId,
    String profileId,
    String model,
    long recordId,
    @Nullable String action,
    String status,
    @Nullable String reason,
    List<String> jobIds,
    String receivedAt,
    String updatedAt,
    boolean duplicate) {

  static EventView of(IntakeEvent event, boolean duplicate) {
    return new EventView(
        event.eventId(),
        event.profileId(),
        event.model(),
        event.recordId(),
        event.action(),
        event.status().wireName(),
        event.reason(),
        event.jobIds(),
        event.receivedAt().toString(),
        event.updatedAt().toString(),
        duplicate);
  }
}
