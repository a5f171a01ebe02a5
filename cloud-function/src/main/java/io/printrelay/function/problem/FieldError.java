package io.printrelay.function.problem;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One invalid value.
 *
 * @param field where it is: a path into the JSON body ({@code labels[3].data}, array indexes from
 *     0), a query parameter ({@code limit}) or a header ({@code Idempotency-Key})
 */
@Serdeable
public record FieldError(String field, String message) {}
