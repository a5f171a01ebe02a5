package io.printrelay.agent.printing;

import io.printrelay.agent.progress.PrinterRegistry;
import io.printrelay.agent.progress.PrinterStatus;
import io.printrelay.model.PrinterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What the agent knows of one printer, published on its printer item at once when it changes and
 * again by the heartbeat (which also refreshes {@code lastSeen}). Publishing is best effort: a
 * table hiccup must not stop printing, the next beat repeats it.
 */
public final class PrinterStatusBoard {
  private static final Logger log = LoggerFactory.getLogger(PrinterStatusBoard.class);

  private final PrinterEndpoint printer;
  private final String agentId;
  private final PrinterRegistry registry;
  private final Clock clock;
  private PrinterStatus status = PrinterStatus.ready();
  private volatile boolean leaseHeld;
  private volatile Instant leaseUntil;
  private volatile Runnable onTakeover = () -> {};
  private volatile Consumer<Instant> onLost = until -> {};

  private final Duration lease;

  /**
   * @param lease how long a report holds the printer for this agent
   */
  public PrinterStatusBoard(
      PrinterEndpoint printer,
      String agentId,
      PrinterRegistry registry,
      Duration lease,
      Clock clock) {
    this.printer = printer;
    this.agentId = agentId;
    this.registry = registry;
    this.lease = lease;
    this.clock = clock;
  }

  /**
   * Registers the printer as ready and takes its lease if no other agent holds it; false when this
   * agent stands by. Throws when the table cannot be reached.
   */
  public boolean register() {
    Instant now = clock.instant();
    leaseHeld =
        registry.report(printer.id(), printer.host(), printer.port(), agentId, status(), now);
    leaseUntil = leaseHeld ? now.plus(lease) : null;
    if (!leaseHeld) {
      log.atInfo()
          .addKeyValue("event", "lease.standby")
          .addKeyValue("printer", printer.id())
          .log("driven by another agent; this one stands by");
    }
    return leaseHeld;
  }

  /**
   * Started while the table cannot be read: this agent drives the printer until a report says
   * otherwise, so that the jobs in its journal print on (docs/printing.md#one-agent-per-printer).
   */
  public void assumeLease() {
    leaseHeld = true;
  }

  /** Whether this agent drives the printer (docs/printing.md#one-agent-per-printer). */
  public boolean leaseHeld() {
    return leaseHeld;
  }

  /** Runs when this agent takes the printer over from another (its jobs are to be resumed). */
  public void onTakeover(Runnable action) {
    onTakeover = action;
  }

  /**
   * Runs when this agent learns another took the printer over, with when its own lease ran out (or
   * null if unknown): what it printed since may have been printed by the other too.
   */
  public void onLost(Consumer<Instant> action) {
    onLost = action;
  }

  /** Graceful stop: the lease goes, so a standby takes the printer at its next beat. */
  public void releaseLease() {
    if (leaseHeld) {
      try {
        registry.releaseLease(printer.id(), agentId);
      } catch (RuntimeException e) {
        log.atDebug()
            .addKeyValue("event", "lease.not_released")
            .addKeyValue("printer", printer.id())
            .addKeyValue("error", e.getMessage())
            .log("lease not released; it runs out");
      }
    }
  }

  public synchronized PrinterStatus status() {
    return status;
  }

  public boolean offline() {
    return status().state() == PrinterState.OFFLINE;
  }

  void set(PrinterStatus next) {
    PrinterStatus was;
    synchronized (this) {
      was = status;
      status = next;
    }
    if (!next.equals(was)) {
      logChange(was, next);
      publish();
    }
  }

  /**
   * Into or out of offline and error at info or warn; ready and printing take turns with every job,
   * which job.started and job.completed say already, so those only at debug.
   */
  private void logChange(PrinterStatus was, PrinterStatus next) {
    if (was.state() == next.state() && Objects.equals(was.detail(), next.detail())) {
      return; // another job, same state
    }
    boolean trouble = next.state() == PrinterState.OFFLINE || next.state() == PrinterState.ERROR;
    boolean routine =
        !trouble && !(was.state() == PrinterState.OFFLINE || was.state() == PrinterState.ERROR);
    (trouble ? log.atWarn() : routine ? log.atDebug() : log.atInfo())
        .addKeyValue("event", "printer.state")
        .addKeyValue("printer", printer.id())
        .addKeyValue("state", next.state().wireName())
        .addKeyValue("was", was.state().wireName())
        .addKeyValue("detail", next.detail())
        .addKeyValue("job", next.currentJobId())
        .log("printer state changed");
  }

  /** A condition the printer reported while printing (paper out, head open), or null when fine. */
  public void problem(String detail) {
    PrinterStatus now = status();
    if (now.state() == PrinterState.PRINTING || now.state() == PrinterState.ERROR) {
      set(now.withProblem(detail));
    }
  }

  public void publish() {
    try {
      Instant now = clock.instant();
      boolean held =
          registry.report(printer.id(), printer.host(), printer.port(), agentId, status(), now);
      boolean was = leaseHeld;
      Instant ranOut = leaseUntil;
      leaseHeld = held;
      leaseUntil = held ? now.plus(lease) : null;
      if (held && !was) {
        log.atInfo()
            .addKeyValue("event", "lease.taken")
            .addKeyValue("printer", printer.id())
            .log("its lease ran out elsewhere; this agent takes the printer over");
        onTakeover.run();
      } else if (!held && was) {
        log.atWarn()
            .addKeyValue("event", "lease.lost")
            .addKeyValue("printer", printer.id())
            .log("another agent took the printer over; this one stops driving it");
        onLost.accept(ranOut);
      }
    } catch (SdkException e) {
      // The cloud is away: said once by the agent's CloudLink, not at every beat.
      log.atDebug()
          .addKeyValue("event", "printer.report_failed")
          .addKeyValue("printer", printer.id())
          .addKeyValue("error", e.getMessage())
          .log("status not recorded; the next heartbeat retries");
    } catch (RuntimeException e) {
      log.atWarn()
          .addKeyValue("event", "printer.report_failed")
          .addKeyValue("printer", printer.id())
          .addKeyValue("error", e.getMessage())
          .log("status not recorded; the next heartbeat retries");
    }
  }
}
