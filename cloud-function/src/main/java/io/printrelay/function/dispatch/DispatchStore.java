package io.printrelay.function.dispatch;

import io.printrelay.model.Job;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What dispatching writes to the table (it reads jobs and queues through {@code reads.Reads}). A
 * dispatch is claimed before its message is sent: the claim bumps the job's dispatch count (the
 * message's dedup id) with a conditional write, so two senders never send the same number, and a
 * paused or final job is never claimed.
 */
public interface DispatchStore {
  /** Jobs stored before {@code createdBefore} whose message is not confirmed sent. */
  List<String> undispatchedJobIds(Instant createdBefore);

  /**
   * Claims the next dispatch of a job still marked undispatched and queued or printing.
   *
   * @return the job with its new dispatch count and current priority; empty if the mark is gone or
   *     the job is no longer waiting or printing
   */
  Optional<Job> claimUndispatched(String jobId);

  /** Claims the next dispatch of a queued or printing job, marked or not. */
  Optional<Job> claimRedispatch(String jobId);

  /**
   * Claims the next dispatch of a job still {@code queued} that entered its tier before {@code
   * cutoff} and was not re-sent this way since {@code cutoff}; records {@code now} as its re-send.
   *
   * @return the job with its new dispatch count; empty when it does not qualify (any more)
   */
  Optional<Job> claimStale(String jobId, Instant now, Instant cutoff);

  /**
   * Marks the job as having its message in a dead-letter queue, only while {@code dispatch} is its
   * latest and it is queued or printing; the next claim removes the mark.
   *
   * @return false when the job does not qualify (any more)
   */
  boolean markDeadLettered(String jobId, int dispatch);

  /**
   * Clears the undispatched mark if {@code dispatch} is still the job's latest claim: a
   * confirmation never moves back, never clears a newer claim's mark.
   */
  void confirmDispatched(String jobId, int dispatch);

  /** Clears the mark of a job that needs no message (paused, or already final). */
  void clearUndispatched(String jobId);
}
