package io.printrelay.function.submit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A submit's body (docs/api.md#submit), for the OpenAPI document only: the body is read as a JSON
 * tree by {@code submit.SubmissionValidator}, which reports every invalid field at once.
 */
@Serdeable
@Schema(description = "A print job: labels, or one zplDocument of ^XA...^XZ formats.")
public record SubmitRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "[A-Za-z0-9._-]{1,64}",
        description = "A printer known to some agent", example = "line-1") String printerId,
    @Nullable @Schema(allowableValues = {"high", "normal", "low"}, description = "Absent: 1-9"
        + " labels high, 10-200 normal, over 200 low") String priority,
    @Nullable @Schema(maxLength = 128, example = "MO/00042") String reference,
    @Nullable @Schema(description = "ZPL with {{name}} fields, for labels given as data",
        example = "^XA^FO30,30^A0N,40^FD{{product}}^FS^XZ") String template,
    @Nullable @ArraySchema(minItems = 1, maxItems = 500) List<LabelInput> labels,
    @Nullable @Schema(description = "Instead of labels: one text of ^XA...^XZ formats, one label"
        + " each") String zplDocument) {

  /** One label: exactly one of data, zpl, raw; at most 64 KiB rendered. */
  @Serdeable
  public record LabelInput(
      @Nullable @Schema(description = "Values for the template's fields") Map<String, String> data,
      @Nullable @Schema(description = "A whole ^XA...^XZ format") String zpl,
      @Nullable @Schema(format = "byte", description = "Raw printer bytes, base64") String raw) {}
}
