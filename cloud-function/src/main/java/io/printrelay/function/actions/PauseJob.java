package io.printrelay.function.actions;

import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import jakarta.inject.Singleton;

/**
 * Pauses a queued or printing job. A printing job stops at the next label boundary: before every
 * label the agent checks, in one transaction, that the job is still printing. A queued job's
 * message stays on its queue; the agent deletes it on sight, and a resume sends a new one.
 */
@Singleton
public class PauseJob {
  private final JobActionStore store;

  public PauseJob(JobActionStore store) {
    this.store = store;
  }

  public Job pause(String jobId) {
    return OnCurrentJob.apply(store, jobId, job -> {
      if (!JobEvent.PAUSE.allowedFrom(job.status())) {
        throw OnCurrentJob.refuse(job, "paused", "a queued or printing");
      }
      return store.pause(jobId, job.status());
    });
  }
}
