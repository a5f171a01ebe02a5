package io.printrelay.function.actions;

import io.printrelay.function.dispatch.Dispatcher;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Resumes a job. A paused job continues in place ({@link JobEvent#RESUME}): it is queued again at
 * the end of its tier and gets a new message (the old one was deleted by the agent when it saw the
 * pause). A failed or cancelled job never changes again (its status is final), so it continues as a
 * new job holding exactly its labels not printed ({@link JobEvent#FOLLOW_UP}, see {@link
 * FollowUpJobs#resume}). Any other job is refused by the state machine: a 409 naming its status.
 */
@Singleton
public class ResumeJob {
  private final Reads reads;
  private final JobActionStore store;
  private final Dispatcher dispatcher;
  private final FollowUpJobs followUps;
  private final Clock clock;

  public ResumeJob(
      Reads reads,
      JobActionStore store,
      Dispatcher dispatcher,
      FollowUpJobs followUps,
      Clock clock) {
    this.reads = reads;
    this.store = store;
    this.dispatcher = dispatcher;
    this.followUps = followUps;
    this.clock = clock;
  }

  public ActionOutcome resume(String jobId) {
    return OnCurrentJob.apply(
        reads,
        jobId,
        job -> {
          if (job.status().isFinal()) {
            JobEvent.FOLLOW_UP.apply(job);
            return followUps.resume(job);
          }
          JobEvent.RESUME.apply(job);
          Job queued = store.requeue(jobId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
          dispatcher.send(queued);
          return ActionOutcome.updated(queued);
        });
  }
}
