package io.printrelay.function.submit;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.intake.IdempotencyClaim;
import io.printrelay.function.intake.JobIntake;
import io.printrelay.function.intake.JobStore;
import io.printrelay.function.intake.NewLabel;
import io.printrelay.function.intake.SubmitOutcome;
import io.printrelay.function.security.Submitter;
import io.printrelay.function.submit.SubmitRequest.LabelInput;
import io.printrelay.model.Job;
import io.printrelay.model.JobId;
import io.printrelay.model.Label;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accepts a print job: validate, answer an earlier job for a repeated Idempotency-Key sent with the
 * same request (422 for another request), else hand the job and its rendered labels to {@link
 * JobIntake}, which stores and enqueues it.
 */
@Singleton
public class SubmitJob {
  private final JobStore store;
  private final JobIntake intake;
  private final SubmissionValidator validator;
  private final Clock clock;

  public SubmitJob(JobStore store, JobIntake intake, JsonBody body, Clock clock) {
    this.store = store;
    this.intake = intake;
    this.validator = new SubmissionValidator(label -> body.bind(label, LabelInput.class));
    this.clock = clock;
  }

  /**
   * @param caller the API key: its scope holds {@code idempotencyKey}, its capabilities say what
   *     its labels may carry
   */
  public SubmitOutcome submit(
      Submitter caller, SubmitRequest request, @Nullable String idempotencyKey) {
    JobDraft draft =
        validator.validate(
            request, idempotencyKey, caller.capabilities(), store::printerRegistered);
    // The table keeps milliseconds; the answer should say what a later read will.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Optional<IdempotencyClaim> claim =
        Optional.ofNullable(idempotencyKey)
            .map(
                key ->
                    IdempotencyClaim.of(caller.scope(), key, SubmitFingerprint.of(request), now));
    if (claim.isPresent()) {
      Optional<Job> earlier =
          store
              .claimOf(caller.scope(), idempotencyKey)
              .or(() -> legacyClaim(caller, idempotencyKey, now))
              .map(claim.get()::sameRequest);
      if (earlier.isPresent()) {
        return new SubmitOutcome(earlier.get(), false);
      }
    }
    Job job =
        Job.accepted(
            JobId.next(),
            draft.printerId(),
            draft.priority(),
            draft.reference(),
            draft.labels().size(),
            null,
            now);
    return intake.accept(job, labels(job.jobId(), draft), claim);
  }

  /**
   * The claim of this key that earlier versions made under the API key's name ({@link
   * Submitter#legacyScope}), so that a retry of a request they answered gets that job, not a second
   * one (docs/api.md#idempotency). It holds no request hash, so any request compares as the same.
   * It counts for the 48 h a claim is kept, timed by its job (written with it), though DynamoDB's
   * TTL may delete it days later. Once every deployment has run this version for 48 h it finds
   * nothing, for one read per new keyed submit, and may go.
   */
  private Optional<JobStore.Claimed> legacyClaim(
      Submitter caller, String idempotencyKey, Instant now) {
    return Optional.ofNullable(caller.legacyScope())
        .flatMap(scope -> store.claimOf(scope, idempotencyKey))
        .filter(earlier -> earlier.job().createdAt().plus(IdempotencyClaim.KEPT_FOR).isAfter(now));
  }

  private static List<NewLabel> labels(String jobId, JobDraft draft) {
    List<NewLabel> labels = new ArrayList<>(draft.labels().size());
    for (int i = 0; i < draft.labels().size(); i++) {
      labels.add(NewLabel.submitted(Label.pending(jobId, i + 1, draft.labels().get(i))));
    }
    return labels;
  }
}
