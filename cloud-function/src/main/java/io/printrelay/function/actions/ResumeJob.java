package io.printrelay.function.actions;

import io.printrelay.model.Job;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Resumes a job. A paused job continues in place: it is queued again at the end of its tier and
 * gets a new message (the old one was deleted by the agent when it saw the pause). A failed or
 * cancelled job never changes again (its status is final), so it continues as a new job holding
 * exactly its labels not printed: see {@link FollowUpJobs#resume}.
 */
@Singleton
public class ResumeJob {
  private final JobActionStore store;
  private final Redispatch redispatch;
  private final FollowUpJobs followUps;
  private final Clock clock;

  public ResumeJob(JobActionStore store, Redispatch redispatch, FollowUpJobs followUps,
      Clock clock) {
    this.store = store;
    this.redispatch = redispatch;
    this.followUps = followUps;
    this.clock = clock;
  }

  public ActionOutcome resume(String jobId) {
    return OnCurrentJob.apply(store, jobId, job -> switch (job.status()) {
      case PAUSED -> ActionOutcome.updated(redispatch.send(
          store.requeue(jobId, clock.instant().truncatedTo(ChronoUnit.MILLIS))));
      case FAILED, CANCELLED -> followUps.resume(job);
      case QUEUED, PRINTING, COMPLETED ->
          throw OnCurrentJob.refuse(job, "resumed", "a paused, failed or cancelled");
    });
  }
}
