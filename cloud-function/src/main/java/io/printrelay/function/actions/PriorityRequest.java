package io.printrelay.function.actions;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a priority change, as documented; read by {@link ActionArguments}. */
@Serdeable
public record PriorityRequest(
    @Schema(allowableValues = {"high", "normal", "low"}, example = "high") String priority) {}
