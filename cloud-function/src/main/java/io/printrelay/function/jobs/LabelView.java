package io.printrelay.function.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.printrelay.function.reads.LabelState;
import io.printrelay.model.Label;
import io.printrelay.model.LabelSource;

/**
 * One label's state, as docs/api.md#list-labels lists it; numbered from 1.
 *
 * @param source (docs/api.md#list-labels): for a label of a resumed or reprinted job, the
 *     originally submitted label it copies (which box it is); null otherwise
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LabelView(
    int index,
    String status,
    boolean uncertain,
    int attempts,
    @Nullable String error,
    @Nullable String printedAt,
    @Nullable Source source) {

  /** The label a copy was made from: its job, and its number there. */
  @Serdeable
  public record Source(String jobId, int index) {
    static Source of(@Nullable LabelSource source) {
      return source == null ? null : new Source(source.jobId(), source.index());
    }
  }

  public static LabelView of(LabelState state) {
    Label label = state.label();
    return new LabelView(
        label.index(),
        label.status().wireName(),
        label.uncertain(),
        label.attempts(),
        label.error(),
        JobView.iso(label.printedAt()),
        Source.of(state.source()));
  }
}
