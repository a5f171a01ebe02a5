package io.printrelay.function.actions;

import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Pauses a queued or printing job. A printing job stops at the next label boundary: before every
 * label the agent checks, in one transaction, that the job is still printing. A queued job's
 * message stays on its queue; the agent deletes it on sight, and a resume sends a new one.
 */
@Singleton
public class PauseJob {
  private final Reads reads;
  private final JobActionStore store;
  private final Clock clock;

  public PauseJob(Reads reads, JobActionStore store, Clock clock) {
    this.reads = reads;
    this.store = store;
    this.clock = clock;
  }

  public Job pause(String jobId) {
    return OnCurrentJob.apply(
        reads,
        jobId,
        job -> {
          JobEvent.PAUSE.apply(job);
          return store.pause(jobId, job.status(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
  }
}
