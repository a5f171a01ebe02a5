package io.printrelay.function.submit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.printrelay.function.intake.NewLabel;
import io.printrelay.model.PrinterId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A submit's body (docs/api.md#submit): bound from the JSON as it came, checked by {@link
 * SubmissionValidator}, and documented in OpenAPI from this record, with the validator's own
 * limits. Values stay JSON, so a wrong type is a 422 naming its field (with every other invalid
 * field), never a 400; unknown fields are ignored. A required field carries no {@code @Nullable},
 * so the document says required, not nullable: when it is missing it binds as null all the same,
 * and the validator names it.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A print job: labels, or one zplDocument of ^XA...^XZ formats.")
public record SubmitRequest(
    @Schema(
            type = "string",
            requiredMode = Schema.RequiredMode.REQUIRED,
            pattern = PrinterId.PATTERN,
            description = "A printer known to some agent",
            example = "line-1")
        JsonNode printerId,
    @Nullable
        @Schema(
            type = "string",
            allowableValues = {"high", "normal", "low"},
            description = "Absent: 1-9 labels high, 10-200 normal, over 200 low")
        JsonNode priority,
    @Nullable
        @Schema(
            type = "string",
            maxLength = SubmissionValidator.MAX_REFERENCE,
            example = "MO/00042")
        JsonNode reference,
    @Nullable
        @Schema(
            type = "string",
            description = "ZPL with {{name}} fields, for labels" + " given as data",
            example = "^XA^FO30,30^A0N,40^FD{{product}}^FS^XZ")
        JsonNode template,
    @Nullable
        @Schema(implementation = LabelInputs.class)
        @ArraySchema(
            minItems = 1,
            maxItems = NewLabel.MAX_PER_JOB,
            schema = @Schema(implementation = LabelInput.class))
        JsonNode labels,
    @Nullable
        @Schema(
            type = "string",
            description = "Instead of labels: one text of ^XA...^XZ" + " formats, one label each")
        JsonNode zplDocument) {

  /** The labels array as documented; the body binds it as JSON, see above. */
  interface LabelInputs extends List<LabelInput> {}

  /** A data label's values as documented (strings, numbers or booleans); bound as JSON. */
  interface TemplateValues extends Map<String, String> {}

  /**
   * One label: exactly one of data, zpl, raw; at most {@value LabelRules#MAX_LABEL_BYTES} bytes
   * rendered. Bound from each label object by {@link LabelRules}.
   */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  @Schema(description = "One label: exactly one of data, zpl, raw; at most 64 KiB rendered.")
  public record LabelInput(
      @Nullable
          @Schema(
              implementation = TemplateValues.class,
              description = "Values for the template's fields")
          JsonNode data,
      @Nullable @Schema(type = "string", description = "A whole ^XA...^XZ format") JsonNode zpl,
      @Nullable
          @Schema(
              type = "string",
              format = "byte",
              description = "Raw printer bytes, base64; needs a key with capability raw")
          JsonNode raw) {}
}
