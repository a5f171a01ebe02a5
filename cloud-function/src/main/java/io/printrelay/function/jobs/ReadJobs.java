package io.printrelay.function.jobs;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.PrinterId;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side: one job, a list of jobs, a job's labels, as views. */
@Singleton
public class ReadJobs {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  private static final int PAGE = 100;

  private final Reads reads;

  public ReadJobs(Reads reads) {
    this.reads = reads;
  }

  public JobView job(String jobId) {
    return view(reads.existingJob(jobId));
  }

  /** The view of a job just read or written; only a queued job needs its printer's queue. */
  public JobView view(Job job) {
    List<ActiveJob> queue =
        job.status() == JobStatus.QUEUED ? reads.activeJobs(job.printerId()) : List.of();
    return JobView.of(job, QueuePositions.of(job, queue));
  }

  /** Newest first, optionally one printer's and in one status. */
  public JobList list(@Nullable String printerId, @Nullable String status, @Nullable String limit) {
    List<FieldError> errors = new ArrayList<>();
    if (printerId != null && !PrinterId.isValid(printerId)) {
      errors.add(new FieldError("printerId", "must be " + PrinterId.RULE));
    }
    Optional<JobStatus> wanted = status == null ? Optional.empty() : JobStatus.parse(status);
    if (status != null && wanted.isEmpty()) {
      errors.add(
          new FieldError(
              "status", "must be one of queued, printing, paused, completed, failed, cancelled"));
    }
    int max = limit(limit, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    List<Job> jobs = newest(printerId, wanted, max);
    Map<String, List<ActiveJob>> queues = new HashMap<>();
    List<JobView> views = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      List<ActiveJob> queue =
          job.status() == JobStatus.QUEUED
              ? queues.computeIfAbsent(job.printerId(), reads::activeJobs)
              : List.of();
      views.add(JobView.of(job, QueuePositions.of(job, queue)));
    }
    return new JobList(views);
  }

  public LabelList labels(String jobId, @Nullable String status) {
    Optional<LabelStatus> wanted = status == null ? Optional.empty() : LabelStatus.parse(status);
    if (status != null && wanted.isEmpty()) {
      throw InvalidInput.of("status", "must be one of pending, printed, failed");
    }
    reads.existingJob(jobId);
    return new LabelList(
        reads.labels(jobId).stream()
            .filter(state -> wanted.isEmpty() || state.label().status() == wanted.get())
            .map(LabelView::of)
            .toList());
  }

  // Reads ids a page at a time, so a status filter over many jobs never loads them all at once.
  private List<Job> newest(@Nullable String printerId, Optional<JobStatus> status, int max) {
    Iterator<String> ids = reads.newestJobIds(printerId).iterator();
    int page = status.isEmpty() ? max : PAGE;
    List<Job> found = new ArrayList<>();
    while (found.size() < max && ids.hasNext()) {
      List<String> batch = new ArrayList<>(page);
      while (batch.size() < page && ids.hasNext()) {
        batch.add(ids.next());
      }
      for (Job job : reads.jobs(batch)) {
        if (found.size() < max && (status.isEmpty() || job.status() == status.get())) {
          found.add(job);
        }
      }
    }
    return found;
  }

  private static int limit(@Nullable String limit, List<FieldError> errors) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException notNumber) {
      // reported below
    }
    errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    return DEFAULT_LIMIT;
  }
}
