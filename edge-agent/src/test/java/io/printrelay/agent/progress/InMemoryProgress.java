package io.printrelay.agent.progress;

import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link JobProgress} in memory, for fast tests of the printing logic. It enforces the same
 * conditions as {@link DynamoDbProgress}, status moves by the same state machine ({@link
 * JobEvent}); the shared {@link JobProgressContract} runs against both, so a test passing here does
 * not rely on a write the table would refuse.
 */
public final class InMemoryProgress implements JobProgress {
  private final Map<String, Job> jobs = new HashMap<>();
  private final Map<String, TreeMap<Integer, Label>> labels = new HashMap<>();
  private final Set<String> pausedPrinters = new HashSet<>();

  public synchronized void store(Job job, List<Label> jobLabels) {
    jobs.put(job.jobId(), job);
    TreeMap<Integer, Label> byIndex = new TreeMap<>();
    jobLabels.forEach(label -> byIndex.put(label.index(), label));
    labels.put(job.jobId(), byIndex);
  }

  public synchronized void pausePrinter(String printerId, boolean paused) {
    if (paused) {
      pausedPrinters.add(printerId);
    } else {
      pausedPrinters.remove(printerId);
    }
  }

  /** An operator's move (pause, cancel), unconditional: the test decides when it happens. */
  public synchronized void setStatus(String jobId, JobStatus status) {
    jobs.computeIfPresent(jobId, (id, job) -> job.withStatus(status));
  }

  public synchronized Label label(String jobId, int index) {
    return labels.get(jobId).get(index);
  }

  @Override
  public synchronized Optional<Job> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  @Override
  public synchronized Job start(String jobId, Instant now) {
    Job job = jobs.get(jobId);
    if (job == null || !JobEvent.START.allowedFrom(job.status())) {
      throw new ProgressConflict(jobId, "queued or printing");
    }
    Job started =
        job.withStatus(JobEvent.START.apply(job.status()))
            .withTimes(
                job.enqueuedAt(),
                job.startedAt() == null ? now : job.startedAt(),
                job.finishedAt());
    jobs.put(jobId, started);
    return started;
  }

  @Override
  public synchronized Iterable<Label> labels(String jobId) {
    return new ArrayList<>(labels.getOrDefault(jobId, new TreeMap<>()).values());
  }

  @Override
  public synchronized LabelStart startLabel(String printerId, String jobId, int index) {
    Job job = jobs.get(jobId);
    Label label = labels.getOrDefault(jobId, new TreeMap<>()).get(index);
    if (job == null || !JobEvent.PROGRESS.allowedFrom(job.status())) {
      return LabelStart.JOB_NOT_PRINTING;
    }
    if (pausedPrinters.contains(printerId)) {
      return LabelStart.PRINTER_PAUSED;
    }
    if (label == null || label.status() != LabelStatus.PENDING) {
      return LabelStart.LABEL_NOT_PENDING;
    }
    putLabel(label, label.status(), label.uncertain(), label.attempts() + 1, label.error(), null);
    jobs.put(
        jobId,
        job.withProgress(job.printed(), job.failedLabels(), job.uncertainLabels(), index, index));
    return LabelStart.STARTED;
  }

  @Override
  public synchronized void labelPrinted(String jobId, int index, Instant now) {
    Label label = pendingLabel(jobId, index);
    if (label != null) {
      putLabel(label, LabelStatus.PRINTED, label.uncertain(), label.attempts(), null, now);
      Job job = jobs.get(jobId);
      jobs.put(
          jobId,
          job.withProgress(
              job.printed() + 1,
              job.failedLabels(),
              job.uncertainLabels(),
              job.currentLabel(),
              null));
    }
  }

  @Override
  public synchronized void labelFailed(String jobId, int index, String error) {
    Label label = pendingLabel(jobId, index);
    if (label != null) {
      putLabel(label, LabelStatus.FAILED, label.uncertain(), label.attempts(), error, null);
      Job job = jobs.get(jobId);
      jobs.put(
          jobId,
          job.withProgress(
              job.printed(),
              plus(job.failedLabels(), index),
              job.uncertainLabels(),
              job.currentLabel(),
              null));
    }
  }

  @Override
  public synchronized void markUncertain(String jobId, int index) {
    Label label = pendingLabel(jobId, index);
    if (label != null) {
      putLabel(label, label.status(), true, label.attempts(), label.error(), null);
      Job job = jobs.get(jobId);
      jobs.put(
          jobId,
          job.withProgress(
              job.printed(),
              job.failedLabels(),
              plus(job.uncertainLabels(), index),
              job.currentLabel(),
              null));
    }
  }

  @Override
  public void complete(String jobId, Instant now) {
    finish(jobId, JobEvent.COMPLETE, null, now);
  }

  @Override
  public void fail(String jobId, String error, Instant now) {
    finish(jobId, JobEvent.FAIL, error, now);
  }

  @Override
  public synchronized List<String> interrupted(String printerId) {
    return jobs.values().stream()
        .filter(job -> job.printerId().equals(printerId) && job.status() == JobStatus.PRINTING)
        .sorted(Comparator.comparing(Job::enqueuedAt).thenComparing(Job::jobId))
        .map(Job::jobId)
        .toList();
  }

  private synchronized void finish(String jobId, JobEvent outcome, String error, Instant now) {
    Job job = jobs.get(jobId);
    if (job == null || !outcome.allowedFrom(job.status())) {
      throw new ProgressConflict(jobId, "printing");
    }
    jobs.put(
        jobId,
        job.withStatus(outcome.apply(job.status()))
            .withProgress(job.printed(), job.failedLabels(), job.uncertainLabels(), null, null)
            .withError(error)
            .withTimes(job.enqueuedAt(), job.startedAt(), now)
            .withDispatch(
                job.dispatchCount(),
                false)); // as the table: a final move leaves the undispatched index
  }

  /** The label when pending; null when it moved on (the table's transaction would be refused). */
  private Label pendingLabel(String jobId, int index) {
    if (!jobs.containsKey(jobId)) {
      throw new ProgressConflict(jobId, "stored");
    }
    Label label = labels.get(jobId).get(index);
    return label != null && label.status() == LabelStatus.PENDING ? label : null;
  }

  private void putLabel(
      Label label,
      LabelStatus status,
      boolean uncertain,
      int attempts,
      String error,
      Instant printedAt) {
    labels
        .get(label.jobId())
        .put(
            label.index(),
            new Label(
                label.jobId(),
                label.index(),
                status,
                uncertain,
                attempts,
                error,
                printedAt,
                label.content()));
  }

  private static List<Integer> plus(List<Integer> list, int index) {
    TreeSet<Integer> set = new TreeSet<>(list);
    set.add(index);
    return List.copyOf(set);
  }
}
