package io.printrelay.function.intake;

import io.printrelay.function.dispatch.Dispatcher;
import io.printrelay.model.Job;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way a new job enters the system, for a submit as for a resume or reprint: store the
 * labels, then the job (with its idempotency key, in one transaction; {@link Job#accepted} has
 * claimed its dispatch 1), then hand it to the {@link Dispatcher}. The order makes every crash
 * safe: labels without a job are invisible (and deleted again when the job's write fails; only a
 * crash between the two writes leaves them behind, read by nothing); a job stored but not sent
 * keeps its {@code undispatched} mark, and the dispatch sweep sends it. So an SQS failure still
 * answers 201: the job is durably accepted.
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
    return accept(job, labels, claim, () -> store.create(job, claim));
  }

  /**
   * The job a resume made ({@code job.parentJobId()} names the job resumed), recorded on the job
   * resumed in the same write ({@link JobStore#createResumption}).
   *
   * @return the job as stored, or the job the parent was resumed as already (created false)
   */
  public SubmitOutcome acceptResumption(Job job, List<NewLabel> labels) {
    return accept(job, labels, Optional.empty(), () -> store.createResumption(job));
  }

  private SubmitOutcome accept(
      Job job,
      List<NewLabel> labels,
      Optional<IdempotencyClaim> claim,
      Supplier<JobStore.CreateResult> creation) {
    store.putLabels(labels);
    JobStore.CreateResult result = create(job, creation);
    if (result instanceof JobStore.Duplicate duplicate) {
      store.deleteLabels(job.jobId(), job.total());
      claim.ifPresent(
          twin -> twin.requireSameRequest(duplicate.existingJobId(), duplicate.requestSha256()));
      return new SubmitOutcome(existing(duplicate), false);
    }
    dispatcher.send(job);
    return new SubmitOutcome(job, true);
  }

  private JobStore.CreateResult create(Job job, Supplier<JobStore.CreateResult> creation) {
    try {
      return creation.get();
    } catch (RuntimeException e) {
      store.deleteLabels(job.jobId(), job.total());
      throw e;
    }
  }

  // The twin was written in the same transaction as the key or mark that refused us, so it is
  // there.
  private Job existing(JobStore.Duplicate duplicate) {
    return store
        .job(duplicate.existingJobId())
        .orElseThrow(
            () ->
                new IllegalStateException("refused for missing job " + duplicate.existingJobId()));
  }
}
