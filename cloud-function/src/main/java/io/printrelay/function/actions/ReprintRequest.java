package io.printrelay.function.actions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.printrelay.function.intake.NewLabel;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of a reprint: bound as it came, checked by {@link ActionArguments#labels} (each a label
 * number of the job), documented from this record with the same cap as a submit. Missing, the field
 * binds as null, and the check names it.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "The labels to print again, by number, in the order to print them.")
public record ReprintRequest(
    @Schema(implementation = LabelNumbers.class, requiredMode = Schema.RequiredMode.REQUIRED)
        @ArraySchema(
            minItems = 1,
            maxItems = NewLabel.MAX_PER_JOB,
            schema = @Schema(type = "integer", minimum = "1", example = "12"))
        JsonNode labels) {

  /** The label numbers as documented; the body binds them as JSON. */
  interface LabelNumbers extends List<Integer> {}
}
