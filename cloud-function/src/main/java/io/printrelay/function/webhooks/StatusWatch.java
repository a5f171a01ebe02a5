package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event's jobs whose status Odoo is told of, at the profile's status URL.
 *
 * @param baseUrl the API's URL as the webhook reached it, for each job's {@code url}; null when the
 *     jobs were made by the dispatch sweep
 * @param reported per job, the last status Odoo acknowledged with a 2xx (or that was given up on)
 * @param attempts failed posts of the report now due
 */
public record StatusWatch(
    String profileId,
    String eventKey,
    String statusUrl,
    @Nullable String baseUrl,
    String model,
    long recordId,
    List<String> jobIds,
    Map<String, String> reported,
    Instant dueAt,
    int attempts) {

  public StatusWatch {
    jobIds = List.copyOf(jobIds);
    reported = Map.copyOf(reported);
  }
}
