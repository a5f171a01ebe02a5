package io.printrelay.function.jobs;

import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.QueuePlace;
import java.util.List;

/**
 * A job's place in its printer's queue (docs/printing.md#order-and-priorities), in the one print
 * order of {@link QueuePlace}, which the agent follows too. 0 while printing; 1 for the next to
 * print; null when the job is finished or paused (it is not waiting its turn).
 */
public final class QueuePositions {
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
    QueuePlace self = job.queuePlace();
    long ahead =
        active.stream()
            .filter(other -> other.status() == JobStatus.QUEUED)
            .filter(other -> !other.jobId().equals(job.jobId()))
            .filter(other -> other.place().compareTo(self) < 0)
            .count();
    return (int) ahead + 1;
  }
}
