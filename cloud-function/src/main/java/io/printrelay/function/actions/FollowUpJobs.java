package io.printrelay.function.actions;

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
import java.util.function.Predicate;
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
   * The scope of the idempotency claims with which resumes were made once before the resumed job
   * recorded {@code resumedAs}. Only read, so a job resumed just before this version is not resumed
   * again; such claims expire 48 h after they were made. Callers' own keys are scoped by their API
   * key's SHA-256, 64 hex digits, which this can never be.
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
   * order. A copy is flagged uncertain, and listed in the new job's {@code uncertainLabels}, when
   * its original may be on paper all the same ({@link Job#mayBeOnPaper}): the label in flight when
   * the job was cancelled, or one a cut connection flagged and that was not printed again since.
   *
   * <p>A job is resumed once: the new job is written together with the parent's {@code resumedAs}
   * (conditional on there being none), so a second resume, at once (a double click) or days later,
   * is a 409 naming the job the first one made.
   */
  ActionOutcome resume(Job parent) {
    if (parent.resumedAs() != null) {
      throw resumedAlready(parent, parent.resumedAs());
    }
    Optional<Job> earlier = jobs.jobFor(RESUME_SCOPE, parent.jobId());
    if (earlier.isPresent()) {
      throw resumedAlready(parent, earlier.get().jobId());
    }
    List<LabelState> left =
        reads.labels(parent.jobId()).stream()
            .filter(state -> state.label().status() != LabelStatus.PRINTED)
            .toList();
    if (left.isEmpty()) {
      throw new Conflict(
          "Nothing left to print: every label of job " + parent.jobId() + " is printed.");
    }
    FollowUp followUp = copy(parent, left, parent::mayBeOnPaper);
    SubmitOutcome outcome = intake.acceptResumption(followUp.job(), followUp.labels());
    if (!outcome.created()) {
      throw resumedAlready(parent, outcome.job().jobId());
    }
    return new ActionOutcome(outcome.job(), true);
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
    // Asked for by the operator, copies and all: nothing to flag.
    FollowUp followUp = copy(parent, chosen, label -> false);
    SubmitOutcome outcome = intake.accept(followUp.job(), followUp.labels(), Optional.empty());
    return new ActionOutcome(outcome.job(), outcome.created());
  }

  /** A new job and its labels, not stored yet. */
  private record FollowUp(Job job, List<NewLabel> labels) {}

  /**
   * @param uncertain which chosen labels may be on paper already: their copies are flagged
   */
  private FollowUp copy(Job parent, List<LabelState> chosen, Predicate<Label> uncertain) {
    List<Integer> indexes = chosen.stream().map(state -> state.label().index()).toList();
    List<Label> stored = store.labelsWithContent(parent.jobId(), indexes);
    if (stored.size() != chosen.size() || stored.stream().anyMatch(l -> l.content() == null)) {
      throw labelsGone(parent);
    }
    String jobId = JobId.next();
    List<NewLabel> labels = new ArrayList<>(chosen.size());
    List<Integer> flagged = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      Label copy = Label.pending(jobId, i + 1, stored.get(i).content());
      if (uncertain.test(chosen.get(i).label())) {
        copy = copy.flaggedUncertain();
        flagged.add(copy.index());
      }
      labels.add(new NewLabel(copy, origin(parent, chosen.get(i))));
    }
    Job job =
        Job.accepted(
                jobId,
                parent.printerId(),
                Priority.HIGH,
                parent.reference(),
                labels.size(),
                parent.jobId(),
                now())
            .withProgress(0, List.of(), flagged, null, null);
    return new FollowUp(job, labels);
  }

  private static Conflict resumedAlready(Job parent, String followUpJobId) {
    return new Conflict(
        "Job "
            + parent.jobId()
            + " was resumed already, as job "
            + followUpJobId
            + "; that job holds its labels not printed.");
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
