package io.printrelay.function.submit;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Where a copied label (resume, reprint) came from: the job and label number of the label as first
 * submitted, so that an operator can match a reprint to its box however many times it was copied.
 */
@Serdeable
public record LabelSource(String jobId, int index) {}
