package io.printrelay.function.actions;

import io.printrelay.function.problem.NotFound;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Cancels a queued, paused or printing job. A waiting job never prints: its message, wherever it
 * is, finds a final job and is deleted. A printing job stops at the next label boundary, never
 * inside a label. The job leaves the {@code active} index, so its printer's queue no longer counts
 * it.
 */
@Singleton
public class CancelJob {
  private final Reads reads;
  private final JobActionStore store;
  private final Clock clock;

  public CancelJob(Reads reads, JobActionStore store, Clock clock) {
    this.reads = reads;
    this.store = store;
    this.clock = clock;
  }

  public Job cancel(String jobId) {
    return OnCurrentJob.apply(
        reads,
        jobId,
        job -> {
          JobEvent.CANCEL.apply(job);
          return store.cancel(jobId, job.status(), now());
        });
  }

  /**
   * Cancels the job only while it waits (queued or paused), as clearing a printer does: the write
   * is conditional on the waiting status read, so a job that started printing meanwhile goes on.
   *
   * @return true when this call cancelled it
   */
  public boolean cancelIfWaiting(String jobId) {
    try {
      return OnCurrentJob.apply(
          reads,
          jobId,
          job -> {
            if (!job.status().isWaiting()) {
              return false;
            }
            store.cancel(jobId, job.status(), now());
            return true;
          });
    } catch (NotFound expired) {
      return false;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
