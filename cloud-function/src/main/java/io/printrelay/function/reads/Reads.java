package io.printrelay.function.reads;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.problem.NotFound;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobId;
import io.printrelay.model.ListPosition;
import io.printrelay.model.Printer;
import java.util.List;
import java.util.Optional;

/**
 * Everything the features read of jobs and printers, in one port: the other ports only write (and
 * read what only their writes need). Reads of items are strongly consistent, so actions may decide
 * on them; reads of the indexes are not, so they only list, order and count.
 */
public interface Reads {
  /** The job as it is now: actions decide on what it says. */
  Optional<Job> job(String jobId);

  /**
   * The job a request's path names, as it is now, or a 404. An id that no job can have ({@link
   * JobId}: a 3 KB one, say) is a 404 without asking the table, which would refuse a key over 2048
   * bytes with an error rather than miss.
   *
   * @throws NotFound when there is no such job
   */
  default Job existingJob(String jobId) {
    if (!JobId.isValid(jobId)) {
      throw new NotFound("job", jobId);
    }
    return job(jobId).orElseThrow(() -> new NotFound("job", jobId));
  }

  /** The jobs with these ids, in the same order; ids with no job are skipped. */
  List<Job> jobs(List<String> jobIds);

  /**
   * Up to {@code count} jobs' places, newest first, of one printer or, when null, of all, starting
   * after {@code after} (null: from the newest). Fewer only when the history ends. One index read
   * (more only past DynamoDB's 1 MB a page); the jobs themselves are {@link #jobs}.
   */
  List<ListPosition> newestJobs(
      @Nullable String printerId, @Nullable ListPosition after, int count);

  /** The job's labels in index order, with where each was copied from, without their content. */
  List<LabelState> labels(String jobId);

  /** The printer's jobs that are not final, in no particular order (an index: may lag). */
  List<ActiveJob> activeJobs(String printerId);

  /** Every printer an agent registered, by id. */
  List<Printer> printers();

  Optional<Printer> printer(String printerId);
}
