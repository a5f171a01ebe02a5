package io.printrelay.agent.printing;

import io.printrelay.model.Job;
import io.printrelay.model.Priority;

/**
 * What to do with a job whose message (or crash record) reached its printer, decided from the
 * table, the source of truth. A message is only a wake-up call: when the job moved on since it was
 * sent, the message is deleted and nothing prints.
 */
enum JobDecision {
  GONE("no longer in the table"),
  FINISHED("already finished"),
  PAUSED("paused; a resume sends it again"),
  STALE("moved to another priority; that tier's message will start it"),
  FOREIGN("for another printer"),
  START(null),
  CONTINUE(null);

  private final String skipReason;

  JobDecision(String skipReason) {
    this.skipReason = skipReason;
  }

  /**
   * @param messagePriority the tier the message came from; null for a job found printing at start
   */
  static JobDecision of(Job job, String printerId, Priority messagePriority) {
    if (job == null) {
      return GONE;
    }
    if (!job.printerId().equals(printerId)) {
      return FOREIGN;
    }
    return switch (job.status()) {
      case COMPLETED, FAILED, CANCELLED -> FINISHED;
      case PAUSED -> PAUSED;
      case QUEUED -> messagePriority != null && messagePriority != job.priority() ? STALE : START;
      // Already ours (an interrupted job, or its redelivered message): carry on where it stopped.
      case PRINTING -> CONTINUE;
    };
  }

  boolean prints() {
    return skipReason == null;
  }

  String skipReason() {
    return skipReason;
  }
}
