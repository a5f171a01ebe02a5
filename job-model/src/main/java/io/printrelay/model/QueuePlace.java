package io.printrelay.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A waiting job's place in its printer's queue, and the one definition of print order: the highest
 * tier first, then the job that entered its tier first, then the job id (so two jobs never tie).
 * The function's {@code queuePosition} and the agent's choice of the next job both sort by it, so
 * what the API says is next is what prints next.
 *
 * @param enqueuedAt when the job last entered its tier (submit, resume, priority change)
 */
public record QueuePlace(Priority priority, Instant enqueuedAt, String jobId)
    implements Comparable<QueuePlace> {
  /** Priority is declared highest first, so its natural order is print order. */
  public static final Comparator<QueuePlace> PRINT_ORDER =
      Comparator.comparing(QueuePlace::priority)
          .thenComparing(QueuePlace::enqueuedAt)
          .thenComparing(QueuePlace::jobId);

  public QueuePlace {
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    Objects.requireNonNull(jobId, "jobId");
  }

  @Override
  public int compareTo(QueuePlace other) {
    return PRINT_ORDER.compare(this, other);
  }
}
