package io.printrelay.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A job's place in lists of jobs, and the one definition of their order: newest first, by creation,
 * then by id (so two jobs never tie). A page of a list ends at a position; the next page holds the
 * jobs listed after it.
 */
public record ListPosition(Instant createdAt, String jobId) implements Comparable<ListPosition> {
  public static final Comparator<ListPosition> NEWEST_FIRST =
      Comparator.comparing(ListPosition::createdAt).thenComparing(ListPosition::jobId).reversed();

  public ListPosition {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(jobId, "jobId");
  }

  public static ListPosition of(Job job) {
    return new ListPosition(job.createdAt(), job.jobId());
  }

  /** True when this job comes after {@code other} in a list: it is older. */
  public boolean isAfter(ListPosition other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(ListPosition other) {
    return NEWEST_FIRST.compare(this, other);
  }
}
