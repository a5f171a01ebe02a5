package io.printrelay.agent.printing;

import io.printrelay.agent.polling.HeldJob;
import io.printrelay.agent.progress.JobProgress;
import io.printrelay.agent.progress.PrinterRegistry;
import io.printrelay.agent.progress.PrinterStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One printer's worker: one job at a time, on its own thread. Jobs interrupted by a crash first,
 * then the held job first in the table's queue order (see {@link JobInbox}, {@link NextJobChoice}).
 */
public final class PrinterWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(PrinterWorker.class);

  /** Looks at a job that keeps changing under us this often in a row before pausing. */
  private static final int MAX_QUICK_ROUNDS = 10;

  private final PrinterEndpoint endpoint;
  private final JobInbox inbox;
  private final PrinterStatusBoard board;
  private final LabelPrinter printer;
  private final JobRunner runner;
  private final Duration recheck;
  private volatile Thread thread;

  /**
   * @param recheck how often a held job looks again at a paused or offline printer, and the pause
   *     after an unexpected error
   */
  public PrinterWorker(
      PrinterEndpoint endpoint,
      PrinterStatusBoard board,
      LabelPrinter printer,
      JobProgress progress,
      PrinterRegistry registry,
      Backoff backoff,
      Duration recheck,
      Clock clock) {
    this.endpoint = endpoint;
    this.inbox = new JobInbox(QueuePlaces.in(progress));
    this.board = board;
    this.printer = printer;
    this.recheck = recheck;
    LabelAttempts attempts =
        new LabelAttempts(endpoint.id(), progress, printer, inbox, backoff, recheck, clock);
    this.runner = new JobRunner(endpoint.id(), progress, registry, printer, attempts, board, clock);
  }

  public PrinterEndpoint endpoint() {
    return endpoint;
  }

  public PrinterStatus status() {
    return board.status();
  }

  public boolean leaseHeld() {
    return board.leaseHeld();
  }

  /** Graceful stop: hands the printer's lease on. */
  public void releaseLease() {
    board.releaseLease();
  }

  /** A job found printing at start: runs before any held message. */
  public void resume(String jobId) {
    inbox.resume(jobId);
  }

  public void offer(HeldJob job) {
    inbox.offer(job);
  }

  public Thread start() {
    thread = Thread.ofVirtual().name("printer-" + endpoint.id()).start(this);
    return thread;
  }

  @Override
  public void run() {
    while (true) {
      Optional<JobTicket> next;
      try {
        next = inbox.next();
      } catch (RuntimeException e) {
        if (!afterChoiceError(e)) {
          return;
        }
        continue;
      }
      if (next.isEmpty() || !runToRest(next.get())) {
        return;
      }
    }
  }

  /**
   * The table could not say which waiting job comes first. No job could print without it anyway;
   * the jobs keep waiting and the choice is made again after {@code recheck}.
   */
  private boolean afterChoiceError(RuntimeException e) {
    if (inbox.stopping()) {
      return false;
    }
    log.atError()
        .addKeyValue("event", "printer.order_unreadable")
        .addKeyValue("printer", endpoint.id())
        .addKeyValue("retry_ms", recheck.toMillis())
        .setCause(e)
        .log("cannot read the waiting jobs' order");
    return inbox.pauseFor(recheck);
  }

  /** Runs the ticket until it is done or must wait; false when the worker must end. */
  private boolean runToRest(JobTicket ticket) {
    for (int round = 1; ; round++) {
      JobRunner.Outcome outcome;
      try {
        outcome = runner.run(ticket);
      } catch (RuntimeException e) {
        return afterError(ticket, e);
      }
      switch (outcome) {
        case DONE -> {
          inbox.done(ticket);
          return true;
        }
        case HOLD -> {
          inbox.putBack(ticket);
          return inbox.awaitChange(recheck);
        }
        case STOPPING -> {
          return false;
        }
        case AGAIN -> {
          if (round >= MAX_QUICK_ROUNDS) {
            inbox.putBack(ticket.first());
            return inbox.pauseFor(recheck);
          }
        }
      }
    }
  }

  /**
   * The table or the queue failed us mid-job. The job stays as recorded, as after a crash, and is
   * looked at again first (a label left in flight is then flagged uncertain and sent again).
   */
  private boolean afterError(JobTicket ticket, RuntimeException e) {
    if (inbox.stopping()) {
      return false;
    }
    log.atError()
        .addKeyValue("event", "job.error")
        .addKeyValue("printer", endpoint.id())
        .addKeyValue("job", ticket.jobId())
        .addKeyValue("retry_ms", recheck.toMillis())
        .setCause(e)
        .log("{} hit an error; it is looked at again first", ticket);
    inbox.putBack(ticket.first());
    return inbox.pauseFor(recheck);
  }

  /** Graceful: the label being written finishes, no new label or job starts. */
  public void stop() {
    inbox.stop();
  }

  /** Abrupt, for tests: stop now, cut the connection mid-label, write nothing more. */
  public void halt() {
    inbox.halt();
    printer.close();
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
  }

  /** Waits for the worker to end; false if it is still running after {@code timeout}. */
  public boolean join(Duration timeout) throws InterruptedException {
    Thread running = thread;
    return running == null || running.join(timeout);
  }

  /** Writes the printer's state and lastSeen (the heartbeat). */
  public void publishStatus() {
    board.publish();
  }

  public void closePrinter() {
    printer.close();
  }
}
