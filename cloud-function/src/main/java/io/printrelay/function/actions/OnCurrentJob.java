package io.printrelay.function.actions;

import io.printrelay.function.problem.Conflict;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import java.util.function.Function;

/**
 * Runs an action on the job as just read. The action decides with the state machine ({@code
 * JobEvent.apply}), whose refusal is the 409 naming the job's status. When its conditional write
 * loses a race the job is read again and the action decides once more on what it says now (which
 * may well be a 409); a second lost race in a row is answered 409 rather than retried forever.
 */
final class OnCurrentJob {
  private OnCurrentJob() {}

  static <T> T apply(Reads reads, String jobId, Function<Job, T> action) {
    for (int attempt = 1; ; attempt++) {
      Job job = reads.existingJob(jobId);
      try {
        return action.apply(job);
      } catch (JobChanged changed) {
        if (attempt == 2) {
          throw new Conflict(
              "Job "
                  + jobId
                  + " keeps changing while we act on it; look at it"
                  + " again and retry.");
        }
      }
    }
  }
}
