package io.printrelay.function.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.printrelay.model.Label;

/** One label's state, as CONTRACT §3 lists it; numbered from 1. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LabelView(
    int index,
    String status,
    boolean uncertain,
    int attempts,
    @Nullable String error,
    @Nullable String printedAt) {

  public static LabelView of(Label label) {
    return new LabelView(label.index(), label.status().wireName(), label.uncertain(),
        label.attempts(), label.error(), JobView.iso(label.printedAt()));
  }
}
