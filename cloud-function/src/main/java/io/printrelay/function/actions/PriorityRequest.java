package io.printrelay.function.actions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a priority change: bound as it came, checked by {@link ActionArguments#priority},
 * documented from this record. The value stays JSON so that a wrong type is a 422 on its field;
 * missing, it binds as null and the check names it.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "The tier to move a waiting job to.")
public record PriorityRequest(
    @Schema(
            type = "string",
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"high", "normal", "low"},
            example = "high")
        JsonNode priority) {}
