package io.printrelay.function.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The healthy answer: {@code {"status":"up","deadLetters":0}}. An unhealthy one is a 503 problem.
 *
 * @param deadLetters messages in the dead-letter queues (docs/api.md#health); null when they cannot
 *     be counted, which does not make the API unhealthy: it works without them
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HealthStatus(String status, @Nullable Integer deadLetters) {}
