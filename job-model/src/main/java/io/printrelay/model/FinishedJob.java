package io.printrelay.model;

import java.util.Objects;

/**
 * A finished job whose labels are still stored (the table's {@code finished} index): enough to
 * delete its labels, which are numbered 1..{@code total}, without reading the job.
 */
public record FinishedJob(String jobId, int total) {
  public FinishedJob {
    Objects.requireNonNull(jobId, "jobId");
    if (total < 0) {
      throw new IllegalArgumentException("total " + total + " < 0");
    }
  }
}
