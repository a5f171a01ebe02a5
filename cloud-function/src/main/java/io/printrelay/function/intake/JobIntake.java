package io.printrelay.function.intake;

import io.printrelay.function.dispatch.Dispatcher;
import io.printrelay.model.Job;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The one way a new job enters the system, for a submit as for a resume or reprint: store the
 * labels, then the job (with its idempotency key, in one transaction; {@link Job#accepted} has
 * claimed its dispatch 1), then hand it to the {@link Dispatcher}. The order makes every crash
 * safe: labels without a job are invisible and expire; a job stored but not sent keeps its {@code
 * undispatched} mark, and the dispatch sweep sends it. So an SQS failure still answers 201: the job
 * is durably accepted.
 */
@Singleton
public class JobIntake {
  private final JobStore store;
  private final Dispatcher dispatcher;

  public JobIntake(JobStore store, Dispatcher dispatcher) {
    this.store = store;
    this.dispatcher = dispatcher;
  }

  /**
   * @param job a job just {@link Job#accepted accepted}, its labels numbered 1..total
   * @return the job as stored, or the job that already holds {@code claim} (created false)
   * @throws io.printrelay.function.problem.InvalidInput when {@code claim} is held for another
   *     request
   */
  public SubmitOutcome accept(Job job, List<NewLabel> labels, Optional<IdempotencyClaim> claim) {
    store.putLabels(labels, job.createdAt());
    JobStore.CreateResult result = create(job, claim);
    if (result instanceof JobStore.Duplicate duplicate) {
      store.deleteLabels(job.jobId(), job.total());
      IdempotencyClaim twin = claim.orElseThrow();
      twin.requireSameRequest(duplicate.existingJobId(), duplicate.requestSha256());
      return new SubmitOutcome(existing(twin, duplicate), false);
    }
    dispatcher.send(job);
    return new SubmitOutcome(job, true);
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
  private Job existing(IdempotencyClaim claim, JobStore.Duplicate duplicate) {
    return store
        .jobFor(claim.scope(), claim.key())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "idempotency key names missing job " + duplicate.existingJobId()));
  }
}
