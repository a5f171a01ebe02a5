package io.printrelay.function.actions;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of a reprint, as documented; read by {@link ActionArguments}. */
@Serdeable
@Schema(description = "The labels to print again, by number, in the order to print them.")
public record ReprintRequest(
    @ArraySchema(minItems = 1, maxItems = 500,
        schema = @Schema(type = "integer", minimum = "1", example = "12"))
        List<Integer> labels) {}
