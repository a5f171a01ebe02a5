package io.printrelay.model;

import java.util.Objects;

/**
 * A job not yet final, as its printer's queue holds it: enough to count and order the queue without
 * reading the job (the table's {@code active} index).
 */
public record ActiveJob(String jobId, JobStatus status, QueuePlace place) {
  public ActiveJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(place, "place");
  }

  public Priority priority() {
    return place.priority();
  }
}
