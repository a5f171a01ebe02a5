package io.printrelay.function.actions;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.Priority;
import java.time.Instant;
import java.util.List;

/**
 * What acting on a job writes to the table (it reads through {@code reads.Reads}). Every write is
 * its event's move under the job state machine's condition, and conditional on the status the
 * action decided on ({@code from}): it throws {@link JobChanged} when the job moved meanwhile. Each
 * returns the job as written.
 */
public interface JobActionStore {
  /** These labels with their content, in the order given; missing ones are left out. */
  List<Label> labelsWithContent(String jobId, List<Integer> indexes);

  /** {@code from} (queued or printing) to paused; the agent stops at the next label boundary. */
  Job pause(String jobId, JobStatus from, Instant now);

  /**
   * Paused to queued, entering its tier again at {@code now}: claims the next dispatch number and
   * marks the job undispatched until the dispatcher confirms the send (crash-safe, as a submit).
   */
  Job requeue(String jobId, Instant now);

  /** {@code from} to cancelled at {@code now}; the job leaves the {@code active} index. */
  Job cancel(String jobId, JobStatus from, Instant now);

  /**
   * Moves a waiting job to another tier, conditional on the tier read ({@code current}) too. A
   * queued job also enters the tier at {@code now} and claims the next dispatch (undispatched until
   * confirmed); a paused one only changes priority, since its resume sends the message.
   */
  Job reprioritise(String jobId, JobStatus from, Priority current, Priority wanted, Instant now);
}
