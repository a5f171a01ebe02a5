package io.printrelay.function.intake;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.model.Label;
import io.printrelay.model.LabelSource;
import java.util.Objects;

/**
 * A label about to be stored with its new job.
 *
 * @param source the label it copies (resume, reprint); null for a submitted label
 */
public record NewLabel(Label label, @Nullable LabelSource source) {
  /**
   * The most labels one job holds, whether submitted, resumed or reprinted (docs/api.md#submit).
   */
  public static final int MAX_PER_JOB = 500;

  public NewLabel {
    Objects.requireNonNull(label, "label");
  }

  public static NewLabel submitted(Label label) {
    return new NewLabel(label, null);
  }
}
