package io.printrelay.function.intake;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.model.Job;
import java.util.List;
import java.util.Optional;

/**
 * What a new job's intake (a submit, a resume, a reprint) needs from the table. Every job write is
 * conditional; reads of jobs in general are {@code reads.Reads}.
 */
public interface JobStore {
  boolean printerRegistered(String printerId);

  /** The job an earlier request with this key created, with that request's hash, if any. */
  Optional<Claimed> claimOf(String scope, String idempotencyKey);

  /** The job an earlier request with this key created, if any. */
  default Optional<Job> jobFor(String scope, String idempotencyKey) {
    return claimOf(scope, idempotencyKey).map(Claimed::job);
  }

  /**
   * Stores labels before their job exists, so that a job is never visible without its labels. They
   * have no expiry of their own: they go when their job has been finished long enough ({@code
   * expiry.LabelExpiry}).
   */
  void putLabels(List<NewLabel> labels);

  /** Best effort: labels written for a job that was never created. */
  void deleteLabels(String jobId, int total);

  /**
   * Creates the job, and claims the idempotency key with it, atomically: both or neither.
   *
   * @return {@link Created}, or {@link Duplicate} naming the job that already holds the key
   */
  CreateResult create(Job job, Optional<IdempotencyClaim> claim);

  /**
   * Creates the job a resume made and records it on the job it resumes ({@code job.parentJobId()},
   * its {@code resumedAs}), atomically: only while that job is failed or cancelled and was resumed
   * by no other job. So a job is resumed once, however many resumes race and however late one
   * comes.
   *
   * @return {@link Created}, or {@link Duplicate} naming the job it was resumed as already
   */
  CreateResult createResumption(Job job);

  /** The job as stored, e.g. the one a {@link Duplicate} names; empty when there is none. */
  Optional<Job> job(String jobId);

  sealed interface CreateResult permits Created, Duplicate {}

  record Created() implements CreateResult {}

  /**
   * @param requestSha256 the hash stored with the existing claim, if any
   */
  record Duplicate(String existingJobId, @Nullable String requestSha256) implements CreateResult {
    public Duplicate(String existingJobId) {
      this(existingJobId, null);
    }
  }

  /**
   * A claimed key's job and the hash of the request that claimed it.
   *
   * @param requestSha256 null for a claim stored without one
   */
  record Claimed(Job job, @Nullable String requestSha256) {}
}
