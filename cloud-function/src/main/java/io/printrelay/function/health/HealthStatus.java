package io.printrelay.function.health;

import io.micronaut.serde.annotation.Serdeable;

/** The healthy answer: {@code {"status":"up"}}. An unhealthy one is a 503 problem. */
@Serdeable
public record HealthStatus(String status) {}
