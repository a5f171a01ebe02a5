package io.printrelay.function.actions;

import io.printrelay.function.intake.IdempotencyClaim;
import io.printrelay.function.intake.JobIntake;
import io.printrelay.function.intake.JobStore;
import io.printrelay.function.intake.NewLabel;
import io.printrelay.function.intake.SubmitOutcome;
import io.printrelay.function.problem.Conflict;
import io.printrelay.function.reads.LabelState;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import io.printrelay.model.JobId;
import io.printrelay.model.Label;
import io.printrelay.model.LabelSource;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * New jobs made from an existing job's labels: high priority (an operator is waiting for them),
 * {@code parentJobId} naming the job they come from, labels numbered 1..k with their stored bytes
 * copied, each remembering the originally submitted label it copies. They are stored and enqueued
 * by {@link JobIntake}, exactly as a submit.
 */
@Singleton
public class FollowUpJobs {
  /**
   * Scopes the idempotency claim that makes a resume of a finished job happen once: a double click
   * or a retried request answers the job the first one made. Callers' own keys are scoped by their
   * API key's SHA-256, 64 hex digits, which this can never be.
   */
  static final String RESUME_SCOPE = "job-resume";

  private final Reads reads;
  private final JobActionStore store;
  private final JobStore jobs;
  private final JobIntake intake;
  private final Clock clock;

  public FollowUpJobs(
      Reads reads, JobActionStore store, JobStore jobs, JobIntake intake, Clock clock) {
    this.reads = reads;
    this.store = store;
    this.jobs = jobs;
    this.intake = intake;
    this.clock = clock;
  }

  /**
   * Continues a failed or cancelled job with exactly its labels not printed (pending or failed), in
   * order. Uncertain labels were printed again, so they are not among them.
   */
  ActionOutcome resume(Job parent) {
    Optional<Job> earlier = jobs.jobFor(RESUME_SCOPE, parent.jobId());
    if (earlier.isPresent()) {
      return ActionOutcome.updated(earlier.get());
    }
    List<LabelState> left =
        reads.labels(parent.jobId()).stream()
            .filter(state -> state.label().status() != LabelStatus.PRINTED)
            .toList();
    if (left.isEmpty()) {
      throw new Conflict(
          "Nothing left to print: every label of job " + parent.jobId() + " is printed.");
    }
    Instant now = now();
    return create(
        parent, left, Optional.of(IdempotencyClaim.of(RESUME_SCOPE, parent.jobId(), now)), now);
  }

  /** Reprints these labels of the job, in this order, whatever their state. */
  ActionOutcome reprint(Job parent, List<Integer> indexes) {
    Map<Integer, LabelState> byIndex =
        reads.labels(parent.jobId()).stream()
            .collect(Collectors.toMap(state -> state.label().index(), Function.identity()));
    List<LabelState> chosen = new ArrayList<>(indexes.size());
    for (int index : indexes) {
      LabelState state = byIndex.get(index);
      if (state == null) {
        throw labelsGone(parent);
      }
      chosen.add(state);
    }
    return create(parent, chosen, Optional.empty(), now());
  }

  private ActionOutcome create(
      Job parent, List<LabelState> chosen, Optional<IdempotencyClaim> claim, Instant now) {
    List<Integer> indexes = chosen.stream().map(state -> state.label().index()).toList();
    List<Label> stored = store.labelsWithContent(parent.jobId(), indexes);
    if (stored.size() != chosen.size() || stored.stream().anyMatch(l -> l.content() == null)) {
      throw labelsGone(parent);
    }
    String jobId = JobId.next();
    List<NewLabel> labels = new ArrayList<>(chosen.size());
    for (int i = 0; i < chosen.size(); i++) {
      labels.add(
          new NewLabel(
              Label.pending(jobId, i + 1, stored.get(i).content()), origin(parent, chosen.get(i))));
    }
    Job job =
        Job.accepted(
            jobId,
            parent.printerId(),
            Priority.HIGH,
            parent.reference(),
            labels.size(),
            parent.jobId(),
            now);
    SubmitOutcome outcome = intake.accept(job, labels, claim);
    return new ActionOutcome(outcome.job(), outcome.created());
  }

  // A copy of a copy names the label first submitted: that is what is written on the box.
  private static LabelSource origin(Job parent, LabelState state) {
    return state.source() != null
        ? state.source()
        : new LabelSource(parent.jobId(), state.label().index());
  }

  private static Conflict labelsGone(Job parent) {
    return new Conflict("The labels of job " + parent.jobId() + " are no longer all stored.");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
