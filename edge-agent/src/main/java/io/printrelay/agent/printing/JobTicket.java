package io.printrelay.agent.printing;

import io.printrelay.agent.polling.HeldJob;
import io.printrelay.model.Priority;

/**
 * A job a worker is about to run or is running: either a held queue message, or a job found {@code
 * printing} at start (interrupted by a crash) whose message may turn up later and is then attached
 * here, so that finishing the job also deletes it.
 */
final class JobTicket {
  private final String jobId;
  private final boolean resumed;
  private volatile HeldJob message;
  private boolean finished;

  private JobTicket(String jobId, boolean resumed, HeldJob message) {
    this.jobId = jobId;
    this.resumed = resumed;
    this.message = message;
  }

  static JobTicket resumed(String jobId) {
    return new JobTicket(jobId, true, null);
  }

  static JobTicket of(HeldJob message) {
    return new JobTicket(message.jobId(), false, message);
  }

  /** The same job and message, but run before any waiting job (after an error mid-job). */
  JobTicket first() {
    return new JobTicket(jobId, true, message);
  }

  String jobId() {
    return jobId;
  }

  /** Interrupted jobs run before any queued message. */
  boolean resumed() {
    return resumed;
  }

  HeldJob message() {
    return message;
  }

  /** The tier the message was sent to, or null when the job was found printing at start. */
  Priority messagePriority() {
    HeldJob held = message;
    return held == null ? null : held.priority();
  }

  /** The dispatch backing the ticket now; 0 without a message. */
  int dispatch() {
    HeldJob held = message;
    return held == null ? 0 : held.dispatch();
  }

  /**
   * Attaches the job's message if the ticket has none and is not finished; false otherwise (the
   * message then waits as a job of its own, and is settled when its turn comes).
   */
  synchronized boolean attach(HeldJob arrived) {
    if (message != null || finished) {
      return false;
    }
    message = arrived;
    return true;
  }

  /** The job is finished: its message, if any, goes. */
  void complete() {
    HeldJob held = finish();
    if (held != null) {
      held.complete();
    }
  }

  /** As {@link HeldJob#completeUnlessReplaced}; a message attached since counts as a newer one. */
  boolean completeUnlessReplaced(int dispatchSeen) {
    HeldJob held = finish();
    return held == null || held.completeUnlessReplaced(dispatchSeen);
  }

  /** No message attaches from now on; the SQS call happens outside the lock. */
  private synchronized HeldJob finish() {
    finished = message == null;
    return message;
  }

  @Override
  public String toString() {
    return "job " + jobId;
  }
}
