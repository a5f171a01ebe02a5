package io.printrelay.function.actions;

import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Cancels a queued, paused or printing job. A waiting job never prints: its message, wherever it
 * is, finds a final job and is deleted. A printing job stops at the next label boundary, never
 * inside a label. The job leaves the {@code active} index, so its printer's queue no longer counts
 * it.
 */
@Singleton
public class CancelJob {
  private final JobActionStore store;
  private final Clock clock;

  public CancelJob(JobActionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Job cancel(String jobId) {
    return OnCurrentJob.apply(store, jobId, job -> {
      if (!JobEvent.CANCEL.allowedFrom(job.status())) {
        throw OnCurrentJob.refuse(job, "cancelled", "a queued, paused or printing");
      }
      return store.cancel(jobId, job.status(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    });
  }
}
