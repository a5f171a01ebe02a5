package io.printrelay.function.actions;

import io.printrelay.function.jobs.LabelState;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What acting on a job needs from the table. Every write is conditional on the status the caller
 * read ({@code from}) and throws {@link JobChanged} when the job moved meanwhile; each returns the
 * job as written.
 */
public interface JobActionStore {
  /** Strongly consistent: actions decide on what it says. */
  Optional<Job> job(String jobId);

  /** The job's labels in index order, with where each was copied from, without content. */
  List<LabelState> labels(String jobId);

  /** These labels with their content, in the order given; missing ones are left out. */
  List<Label> labelsWithContent(String jobId, List<Integer> indexes);

  /** {@code from} (queued or printing) to paused; the agent stops at the next label boundary. */
  Job pause(String jobId, JobStatus from);

  /**
   * Paused to queued, entering its tier again at {@code now}: claims the next dispatch number and
   * marks the job undispatched until {@link #confirmDispatched} (crash-safe, as a submit).
   */
  Job requeue(String jobId, Instant now);

  /** {@code from} to cancelled at {@code now}; the job leaves the {@code active} index. */
  Job cancel(String jobId, JobStatus from, Instant now);

  /**
   * Moves a waiting job to another tier. A queued job also enters the tier at {@code now} and
   * claims the next dispatch (undispatched until confirmed); a paused one only changes priority,
   * since its resume sends the message.
   */
  Job reprioritise(String jobId, JobStatus from, Priority current, Priority wanted, Instant now);

  /** Clears the undispatched mark if {@code dispatch} is still the job's latest. */
  void confirmDispatched(String jobId, int dispatch);
}
