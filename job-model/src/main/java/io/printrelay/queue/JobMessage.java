package io.printrelay.queue;

import io.printrelay.model.Job;
import io.printrelay.model.Priority;
import java.util.Objects;

/**
 * The queue message: a reference to a stored job, never its labels (the table holds those).
 *
 * @param dispatch which send of this job it is (1 for the first); part of the dedup id so a
 *     deliberate re-send is not swallowed by the FIFO dedup window
 */
public record JobMessage(String jobId, String printerId, Priority priority, int dispatch) {
  /** The message of a job's latest claimed dispatch: the one way a message is made from a job. */
  public static JobMessage of(Job job) {
    return new JobMessage(job.jobId(), job.printerId(), job.priority(), job.dispatchCount());
  }

  public JobMessage {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(printerId, "printerId");
    Objects.requireNonNull(priority, "priority");
  }
}
