package io.printrelay.function.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem details body.
 *
 * @param errors the invalid fields of a 422, absent otherwise
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, @Nullable List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";
}
