package io.printrelay.function.dispatch;

import io.printrelay.function.logging.LogContext;
import io.printrelay.function.queue.DispatchFailed;
import io.printrelay.function.queue.JobQueue;
import io.printrelay.model.Job;
import io.printrelay.queue.JobMessage;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dispatch protocol, after a dispatch was claimed in the table (a submit's job is created
 * with dispatch 1 claimed; a resume, a tier change and the sweep claim the next number): send the
 * job's message, its dedup id {@code jobId-n}, then confirm dispatch n, which clears the job's
 * undispatched mark only while n is still its latest claim, so a confirmation never moves back.
 *
 * <p>A failed send leaves the mark, and the dispatch sweep sends the job again under a new number.
 * A send that worked but could not be confirmed is sent once more by the sweep too; agents treat a
 * second message for the same job as the same job. Either way the job is durably accepted.
 */
@Singleton
public class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final DispatchStore store;
  private final JobQueue queue;

  public Dispatcher(DispatchStore store, JobQueue queue) {
    this.store = store;
    this.queue = queue;
  }

  /**
   * Sends the claimed dispatch of the job and confirms it.
   *
   * @param claimed the job as its claim wrote it: its dispatch count is the number to send
   * @return true when the message went out (confirmed or not), false when it is left to the sweep
   */
  public boolean send(Job claimed) {
    JobMessage message = JobMessage.of(claimed);
    return LogContext.forJob(message.jobId(), message.printerId(), () -> send(message));
  }

  private boolean send(JobMessage message) {
    try {
      queue.send(message);
    } catch (DispatchFailed e) {
      LOG.warn(
          "Job {} dispatch {} not sent; the dispatch sweep will send it",
          message.jobId(),
          message.dispatch(),
          e);
      return false;
    }
    try {
      store.confirmDispatched(message.jobId(), message.dispatch());
    } catch (RuntimeException e) {
      LOG.warn(
          "Job {} dispatch {} sent but not confirmed; the sweep sends it once more",
          message.jobId(),
          message.dispatch(),
          e);
    }
    return true;
  }
}
