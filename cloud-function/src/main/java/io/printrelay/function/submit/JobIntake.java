package io.printrelay.function.submit;

import io.printrelay.function.queue.DispatchFailed;
import io.printrelay.function.queue.JobQueue;
import io.printrelay.model.Job;
import io.printrelay.queue.JobMessage;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a new job enters the system, for a submit as for a resume or reprint: store the
 * labels, then the job (with its idempotency key, in one transaction), then send its message. The
 * order makes every crash safe: labels without a job are invisible and expire; a job stored but
 * not sent keeps its {@code undispatched} mark, and the dispatch sweep sends it. So an SQS failure
 * still answers 201: the job is durably accepted.
 */
@Singleton
public class JobIntake {
  private static final Logger LOG = LoggerFactory.getLogger(JobIntake.class);

  private final JobStore store;
  private final JobQueue queue;

  public JobIntake(JobStore store, JobQueue queue) {
    this.store = store;
    this.queue = queue;
  }

  /**
   * @param job a job just {@link Job#accepted accepted}, its labels numbered 1..total
   * @return the job as sent, or the job that already holds {@code claim} (created false)
   */
  public SubmitOutcome accept(Job job, List<NewLabel> labels, Optional<IdempotencyClaim> claim) {
    Instant createdAt = job.createdAt();
    store.putLabels(labels, createdAt);
    JobStore.CreateResult result = create(job, claim);
    if (result instanceof JobStore.Duplicate duplicate) {
      store.deleteLabels(job.jobId(), job.total());
      return new SubmitOutcome(existing(duplicate.existingJobId()), false);
    }
    return new SubmitOutcome(dispatch(job), true);
  }

  private JobStore.CreateResult create(Job job, Optional<IdempotencyClaim> claim) {
    try {
      return store.create(job, claim);
    } catch (RuntimeException e) {
      store.deleteLabels(job.jobId(), job.total());
      throw e;
    }
  }

  // The twin's job item was written in the same transaction as its key, so it is there.
  private Job existing(String jobId) {
    return store.job(jobId)
        .orElseThrow(() -> new IllegalStateException("idempotency key names missing job " + jobId));
  }

  private Job dispatch(Job job) {
    try {
      queue.send(new JobMessage(job.jobId(), job.printerId(), job.priority(), 1));
    } catch (DispatchFailed e) {
      LOG.warn("Job {} stored but not sent; the dispatch sweep will send it", job.jobId(), e);
      return job;
    }
    try {
      store.markDispatched(job.jobId(), 1);
    } catch (RuntimeException e) {
      // Sent but not recorded: the sweep sends it again as dispatch 2, which agents de-duplicate.
      LOG.warn("Job {} sent but not marked dispatched", job.jobId(), e);
      return job;
    }
    return new Job(job.jobId(), job.printerId(), job.priority(), job.status(), job.reference(),
        job.total(), job.printed(), job.failedLabels(), job.uncertainLabels(), job.currentLabel(),
        job.inFlightLabel(), job.parentJobId(), job.error(), job.createdAt(), job.enqueuedAt(),
        job.startedAt(), job.finishedAt(), 1, false);
  }
}
