package io.printrelay.function.dispatch;

import io.printrelay.function.jobs.ActiveJob;
import io.printrelay.model.Job;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What dispatching needs from the table. A dispatch is claimed before its message is sent: the
 * claim bumps the job's dispatch count (the message's dedup id) with a conditional write, so two
 * sweeps never send the same dispatch number twice.
 */
public interface DispatchStore {
  /** Jobs stored before {@code createdBefore} whose message is not confirmed sent. */
  List<String> undispatchedJobIds(Instant createdBefore);

  Optional<Job> job(String jobId);

  List<String> printerIds();

  List<ActiveJob> activeJobs(String printerId);

  /**
   * Claims the next dispatch of a job still marked undispatched and queued or printing.
   *
   * @return the job with its new dispatch count and current priority; empty if the mark is gone
   *     or the job is no longer waiting or printing
   */
  Optional<Job> claimUndispatched(String jobId);

  /** Claims the next dispatch of a queued or printing job, marked or not. */
  Optional<Job> claimRedispatch(String jobId);

  /** Clears the undispatched mark if {@code dispatch} is still the job's latest. */
  void confirmDispatched(String jobId, int dispatch);

  /** Clears the mark of a job that needs no message (paused, or already final). */
  void clearUndispatched(String jobId);
}
