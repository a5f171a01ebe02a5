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
  public NewLabel {
    Objects.requireNonNull(label, "label");
  }

  public static NewLabel submitted(Label label) {
    return new NewLabel(label, null);
  }
}
