package io.printrelay.function.jobs;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.LabelStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The read side: one job, a job's labels, as views; lists of jobs are {@link ListJobs}. */
@Singleton
public class ReadJobs {
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
}
