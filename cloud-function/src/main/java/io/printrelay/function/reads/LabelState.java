package io.printrelay.function.reads;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.model.Label;
import io.printrelay.model.LabelSource;

/**
 * A label as stored, with where it was copied from.
 *
 * @param label without its content unless the read asked for it
 * @param source the originally submitted label it copies; null for a submitted label
 */
public record LabelState(Label label, @Nullable LabelSource source) {}
