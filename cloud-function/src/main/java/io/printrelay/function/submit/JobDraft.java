package io.printrelay.function.submit;

import io.printrelay.model.Priority;
import java.util.List;

/**
 * A submitted job that passed validation: its labels rendered to the exact bytes each printer will
 * receive, in order.
 */
public record JobDraft(String printerId, Priority priority, String reference, List<byte[]> labels) {
  public JobDraft {
    labels = List.copyOf(labels);
  }
}
