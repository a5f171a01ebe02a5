package io.printrelay.agent.printing;

import io.printrelay.agent.progress.JobProgress;
import io.printrelay.agent.progress.PrinterRegistry;
import io.printrelay.agent.progress.PrinterStatus;
import io.printrelay.agent.progress.ProgressConflict;
import io.printrelay.model.Job;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on its printer: decides from the table whether it prints at all, starts it, sends
 * its pending labels in index order and finishes it. Everything it learns is written to the table
 * before the message is deleted, so a crash at any point leaves a job the next start resumes.
 */
final class JobRunner {
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  /** What the worker does next with the ticket. */
  enum Outcome {
    /** Finished with: the job ended, stopped or was skipped, and its message is gone. */
    DONE,
    /** Cannot start now (printer paused or offline): wait and try again. */
    HOLD,
    /** The job changed under us: look at it again right away. */
    AGAIN,
    /** The agent is stopping. */
    STOPPING
  }

  private final String printerId;
  private final JobProgress progress;
  private final PrinterRegistry registry;
  private final LabelPrinter printer;
  private final LabelAttempts attempts;
  private final PrinterStatusBoard board;
  private final Clock clock;

  JobRunner(
      String printerId,
      JobProgress progress,
      PrinterRegistry registry,
      LabelPrinter printer,
      LabelAttempts attempts,
      PrinterStatusBoard board,
      Clock clock) {
    this.printerId = printerId;
    this.progress = progress;
    this.registry = registry;
    this.printer = printer;
    this.attempts = attempts;
    this.board = board;
    this.clock = clock;
  }

  Outcome run(JobTicket ticket) {
    int dispatchSeen = ticket.dispatch();
    Optional<Job> found = progress.job(ticket.jobId());
    JobDecision decision = JobDecision.of(found.orElse(null), printerId, ticket.messagePriority());
    if (!decision.prints()) {
      log.atInfo()
          .addKeyValue("event", "job.skipped")
          .addKeyValue("printer", printerId)
          .addKeyValue("job", ticket.jobId())
          .addKeyValue("reason", decision.skipReason())
          .log("job not printed");
      return ticket.completeUnlessReplaced(dispatchSeen) ? Outcome.DONE : Outcome.AGAIN;
    }
    if (!mayStart()) {
      return Outcome.HOLD;
    }
    Job job = found.orElseThrow();
    if (decision == JobDecision.START) {
      try {
        job = progress.start(job.jobId(), clock.instant());
      } catch (ProgressConflict lost) {
        return Outcome.AGAIN; // paused or cancelled just now
      }
    }
    return print(ticket, job, decision == JobDecision.START ? "started" : "resumed");
  }

  /** A job for a paused or dead printer stays queued (docs/printing.md#order-and-priorities). */
  private boolean mayStart() {
    if (!board.leaseHeld()) {
      return false; // another agent drives the printer (docs/printing.md#one-agent-per-printer)
    }
    if (registry.paused(printerId)) {
      return false;
    }
    if (board.offline()) {
      try {
        printer.connect();
      } catch (IOException stillDown) {
        return false;
      }
      board.set(PrinterStatus.ready()); // logged there: printer.state
    }
    return true;
  }

  private Outcome print(JobTicket ticket, Job job, String how) {
    board.set(PrinterStatus.printing(job.jobId()));
    log.atInfo()
        .addKeyValue("event", "job.started")
        .addKeyValue("printer", printerId)
        .addKeyValue("job", job.jobId())
        .addKeyValue("priority", job.priority().wireName())
        .addKeyValue("labels", job.total())
        .addKeyValue("printed_before", job.printed())
        .addKeyValue("resumed", how.equals("resumed"))
        .log("job {}", how);
    if (job.inFlightLabel() != null) {
      progress.markUncertain(job.jobId(), job.inFlightLabel());
      log.atWarn()
          .addKeyValue("event", "label.uncertain")
          .addKeyValue("printer", printerId)
          .addKeyValue("job", job.jobId())
          .addKeyValue("label", job.inFlightLabel())
          .log(
              "the job was interrupted while this label was being sent: it is sent again and"
                  + " flagged uncertain");
    }
    LabelsEnd end = printLabels(job);
    return switch (end.outcome()) {
      case PRINTED -> finish(ticket, job, end.someFailed() ? "some labels failed" : null, null);
      case FAILED ->
          finish(ticket, job, "label " + end.index() + " failed: " + end.error(), end.error());
      case JOB_NOT_PRINTING -> {
        log.atInfo()
            .addKeyValue("event", "job.stopped")
            .addKeyValue("printer", printerId)
            .addKeyValue("job", job.jobId())
            .addKeyValue("before_label", end.index())
            .log("the job is no longer printing (paused or cancelled)");
        board.set(PrinterStatus.ready());
        yield Outcome.AGAIN; // the next look deletes its message, or resumes it
      }
      case STOPPING -> Outcome.STOPPING;
    };
  }

  /** How the label loop ended: PRINTED means no label is left pending. */
  private record LabelsEnd(
      LabelAttempts.Outcome outcome, int index, String error, boolean someFailed) {}

  /** Sends every pending label in index order; labels printed or failed before are skipped. */
  private LabelsEnd printLabels(Job job) {
    boolean someFailed = false;
    for (Label label : progress.labels(job.jobId())) {
      if (label.status() == LabelStatus.FAILED) {
        someFailed = true;
      }
      if (label.status() != LabelStatus.PENDING) {
        continue;
      }
      if (!board.leaseHeld()) {
        // Another agent took the printer over (this one was cut off from the cloud meanwhile):
        // stop at this label boundary; the job is the other agent's now.
        log.atWarn()
            .addKeyValue("event", "job.stopped")
            .addKeyValue("printer", printerId)
            .addKeyValue("job", job.jobId())
            .addKeyValue("label", label.index())
            .addKeyValue("reason", "lease lost")
            .log("job stopped before a label: another agent drives the printer now");
        return new LabelsEnd(
            LabelAttempts.Outcome.JOB_NOT_PRINTING, label.index(), null, someFailed);
      }
      LabelAttempts.Result result = attempts.print(label);
      if (result.outcome() != LabelAttempts.Outcome.PRINTED) {
        return new LabelsEnd(result.outcome(), label.index(), result.error(), someFailed);
      }
    }
    return new LabelsEnd(LabelAttempts.Outcome.PRINTED, 0, null, someFailed);
  }

  /**
   * Completes (error null) or fails the job. {@code unreachable} says the printer could not take a
   * label after every attempt, which stops the job (docs/printing.md#retries-and-failures).
   */
  private Outcome finish(JobTicket ticket, Job job, String error, String unreachable) {
    try {
      if (error == null) {
        progress.complete(job.jobId(), clock.instant());
        log.atInfo()
            .addKeyValue("event", "job.completed")
            .addKeyValue("printer", printerId)
            .addKeyValue("job", job.jobId())
            .addKeyValue("labels", job.total())
            .log("job completed");
      } else {
        progress.fail(job.jobId(), error, clock.instant());
        log.atWarn()
            .addKeyValue("event", "job.failed")
            .addKeyValue("printer", printerId)
            .addKeyValue("job", job.jobId())
            .addKeyValue("error", error)
            .log("job failed");
      }
    } catch (ProgressConflict lost) {
      return Outcome.AGAIN; // paused or cancelled at the very end: the next look settles it
    } finally {
      board.set(unreachable == null ? PrinterStatus.ready() : PrinterStatus.offline(unreachable));
    }
    ticket.complete();
    return Outcome.DONE;
  }
}
