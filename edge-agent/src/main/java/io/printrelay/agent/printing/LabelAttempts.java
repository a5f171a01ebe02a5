package io.printrelay.agent.printing;

import io.printrelay.agent.progress.JobProgress;
import io.printrelay.agent.progress.LabelStart;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints one label: up to {@link Backoff#attempts()} attempts, each opened by the label-start
 * transaction (so a pause or cancel lands between attempts, never inside one) and recorded when it
 * ends. Attempts are counted here for this run; the label item's count also holds attempts made
 * before a crash.
 */
final class LabelAttempts {
  private static final Logger log = LoggerFactory.getLogger(LabelAttempts.class);

  /** How one label ended. */
  enum Outcome {
    PRINTED,
    /** Out of attempts: the label is failed, and a printer this unreachable stops the job. */
    FAILED,
    /** The job is no longer printing (paused, cancelled): stop at this label boundary. */
    JOB_NOT_PRINTING,
    /** The agent is stopping: the label stays pending. */
    STOPPING
  }

  record Result(Outcome outcome, String error) {}

  private final String printerId;
  private final JobProgress progress;
  private final LabelPrinter printer;
  private final JobInbox inbox;
  private final Backoff backoff;
  private final Duration recheck;
  private final Clock clock;

  LabelAttempts(
      String printerId,
      JobProgress progress,
      LabelPrinter printer,
      JobInbox inbox,
      Backoff backoff,
      Duration recheck,
      Clock clock) {
    this.printerId = printerId;
    this.progress = progress;
    this.printer = printer;
    this.inbox = inbox;
    this.backoff = backoff;
    this.recheck = recheck;
    this.clock = clock;
  }

  Result print(Label label) {
    int attempts = 0;
    boolean uncertain = label.uncertain();
    String error = null;
    while (true) {
      if (inbox.stopping()) {
        return new Result(Outcome.STOPPING, null);
      }
      LabelStart start = progress.startLabel(printerId, label.jobId(), label.index());
      switch (start) {
        case PRINTER_PAUSED -> {
          // An operator paused the printer: the job stays printing and keeps its message; it
          // carries on from this label once the printer is resumed, unless it is stopped first.
          if (!inbox.awaitChange(recheck)) {
            return new Result(Outcome.STOPPING, null);
          }
          if (!stillPrinting(label.jobId())) {
            return new Result(Outcome.JOB_NOT_PRINTING, null);
          }
          continue;
        }
        case JOB_NOT_PRINTING -> {
          return new Result(Outcome.JOB_NOT_PRINTING, null);
        }
        case LABEL_NOT_PENDING -> {
          return new Result(Outcome.PRINTED, null);
        }
        case STARTED -> attempts++;
      }
      try {
        printer.print(label.content());
        progress.labelPrinted(label.jobId(), label.index(), clock.instant());
        // Per label, so never at info: a 200-label job is one job.started and one job.completed.
        log.atDebug()
            .addKeyValue("event", "label.printed")
            .addKeyValue("printer", printerId)
            .addKeyValue("job", label.jobId())
            .addKeyValue("label", label.index())
            .log();
        return new Result(Outcome.PRINTED, null);
      } catch (PrinterUnreachable e) {
        error = e.getMessage(); // nothing was sent: a plain retry
      } catch (IOException e) {
        if (inbox.halted()) {
          return new Result(Outcome.STOPPING, null);
        }
        error = describe(e);
        uncertain = flagUncertain(label, uncertain, error);
      }
      if (inbox.halted()) {
        return new Result(Outcome.STOPPING, null);
      }
      log.atWarn()
          .addKeyValue("event", "label.attempt_failed")
          .addKeyValue("printer", printerId)
          .addKeyValue("job", label.jobId())
          .addKeyValue("label", label.index())
          .addKeyValue("attempt", attempts)
          .addKeyValue("attempts", backoff.attempts())
          .addKeyValue("error", error)
          .log("label attempt failed");
      if (!backoff.allowsAnother(attempts)) {
        progress.labelFailed(label.jobId(), label.index(), error);
        return new Result(Outcome.FAILED, error);
      }
      if (!inbox.pauseFor(backoff.delayAfter(attempts))) {
        return new Result(Outcome.STOPPING, null);
      }
    }
  }

  private boolean stillPrinting(String jobId) {
    return progress.job(jobId).map(job -> job.status() == JobStatus.PRINTING).orElse(false);
  }

  /**
   * The connection broke while or after the label was written: it may be on paper. It is sent again
   * (none may be missing) and flagged, so an operator knows where a duplicate may be.
   */
  private boolean flagUncertain(Label label, boolean alreadyFlagged, String error) {
    if (!alreadyFlagged) {
      progress.markUncertain(label.jobId(), label.index());
      log.atWarn()
          .addKeyValue("event", "label.uncertain")
          .addKeyValue("printer", printerId)
          .addKeyValue("job", label.jobId())
          .addKeyValue("label", label.index())
          .addKeyValue("error", error)
          .log("the label may or may not have printed: it is sent again and flagged uncertain");
    }
    return true;
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
