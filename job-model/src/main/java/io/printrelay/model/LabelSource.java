package io.printrelay.model;

import java.util.Objects;

/** Where a copied label (resume, reprint) was first submitted: its job and its number there. */
public record LabelSource(String jobId, int index) {
  public LabelSource {
    Objects.requireNonNull(jobId, "jobId");
  }
}
