package io.printrelay.function.submit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.queue.DispatchFailed;
import io.printrelay.function.queue.JobQueue;
import io.printrelay.model.Job;
import io.printrelay.model.Label;
import io.printrelay.queue.JobMessage;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a print job: validate, store the labels, then the job (with its idempotency key, in one
 * transaction), then send its message. The order makes every crash safe: labels without a job
 * are invisible and expire; a job stored but not sent keeps its {@code undispatched} mark, and
 * the dispatch sweep sends it. So an SQS failure still answers 201: the job is durably accepted.
 */
@Singleton
public class SubmitJob {
  private static final Logger LOG = LoggerFactory.getLogger(SubmitJob.class);

  private final SubmissionValidator validator = new SubmissionValidator();
  private final JobStore store;
  private final JobQueue queue;
  private final Clock clock;

  public SubmitJob(JobStore store, JobQueue queue, Clock clock) {
    this.store = store;
    this.queue = queue;
    this.clock = clock;
  }

  /**
   * @param caller the API key's name, scoping {@code idempotencyKey}
   */
  public SubmitOutcome submit(String caller, JsonNode body, @Nullable String idempotencyKey) {
    JobDraft draft = validator.validate(body, idempotencyKey, store::printerRegistered);
    if (idempotencyKey != null) {
      Optional<Job> earlier = store.jobFor(caller, idempotencyKey);
      if (earlier.isPresent()) {
        return new SubmitOutcome(earlier.get(), false);
      }
    }
    // The table keeps milliseconds; the answer should say what a later read will.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Job job = Job.accepted(UUID.randomUUID().toString(), draft.printerId(), draft.priority(),
        draft.reference(), draft.labels().size(), null, now);
    store.putLabels(labels(job.jobId(), draft), now);
    Optional<IdempotencyClaim> claim =
        Optional.ofNullable(idempotencyKey).map(key -> IdempotencyClaim.of(caller, key, now));
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

  private static List<Label> labels(String jobId, JobDraft draft) {
    List<Label> labels = new ArrayList<>(draft.labels().size());
    for (int i = 0; i < draft.labels().size(); i++) {
      labels.add(Label.pending(jobId, i + 1, draft.labels().get(i)));
    }
    return labels;
  }
}
