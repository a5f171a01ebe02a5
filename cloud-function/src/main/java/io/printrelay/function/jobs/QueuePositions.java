package io.printrelay.function.jobs;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.table.ItemKeys;
import java.util.Comparator;
import java.util.List;

/**
 * A job's place in its printer's queue (docs/printing.md#order-and-priorities): highest tier
 * first, then oldest first within a tier. 0 while printing; 1 for the next to print; null when
 * the job is finished or paused (it is not waiting its turn).
 */
public final class QueuePositions {
  /** Print order: tier (HIGH first: ordinal order), then queue key. */
  public static final Comparator<ActiveJob> PRINT_ORDER =
      Comparator.comparing(ActiveJob::priority).thenComparing(ActiveJob::queueKey);

  private QueuePositions() {}

  /**
   * @param active the printer's not-final jobs; may or may not include {@code job} itself (the
   *     index is eventually consistent)
   */
  public static Integer of(Job job, List<ActiveJob> active) {
    if (job.status() == JobStatus.PRINTING) {
      return 0;
    }
    if (job.status() != JobStatus.QUEUED) {
      return null;
    }
    ActiveJob self = new ActiveJob(job.jobId(), job.status(), job.priority(), queueKey(job));
    long ahead = active.stream()
        .filter(other -> other.status() == JobStatus.QUEUED)
        .filter(other -> !other.jobId().equals(job.jobId()))
        .filter(other -> PRINT_ORDER.compare(other, self) < 0)
        .count();
    return (int) ahead + 1;
  }

  /** The same key the table's {@code active} index sorts by. */
  public static String queueKey(Job job) {
    return ItemKeys.timeKey(job.enqueuedAt() == null ? job.createdAt() : job.enqueuedAt(), job.jobId());
  }
}
