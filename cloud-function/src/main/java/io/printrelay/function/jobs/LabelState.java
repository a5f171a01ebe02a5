package io.printrelay.function.jobs;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.submit.LabelSource;
import io.printrelay.model.Label;

/**
 * A label as stored, with where it was copied from.
 *
 * @param label without its content unless the read asked for it
 * @param source the originally submitted label it copies; null for a submitted label
 */
public record LabelState(Label label, @Nullable LabelSource source) {}
