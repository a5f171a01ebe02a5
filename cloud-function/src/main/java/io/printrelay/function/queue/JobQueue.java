package io.printrelay.function.queue;

import io.printrelay.queue.JobMessage;

/** Where a stored job is announced to the agents: one message per dispatch. */
public interface JobQueue {
  /**
   * Sends the message to its priority's queue.
   *
   * @throws DispatchFailed when the queue could not be reached; the job stays undispatched
   */
  void send(JobMessage message);
}
