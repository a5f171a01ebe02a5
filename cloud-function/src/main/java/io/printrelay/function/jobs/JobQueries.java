package io.printrelay.function.jobs;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.model.Job;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What reading jobs needs from the table. */
public interface JobQueries {
  Optional<Job> job(String jobId);

  /** The printer's jobs that are not final, in no particular order. */
  List<ActiveJob> activeJobs(String printerId);

  /** Job ids, newest first, of one printer or of all; fetched page by page as consumed. */
  Stream<String> newestJobIds(@Nullable String printerId);

  /** The jobs with these ids, in the same order; ids with no job are skipped. */
  List<Job> jobs(List<String> jobIds);

  /** The job's labels in index order, without their content. */
  List<LabelState> labels(String jobId);
}
