package io.printrelay.agent.printing;

import io.printrelay.agent.progress.PrinterRegistry;
import io.printrelay.agent.progress.PrinterStatus;
import io.printrelay.model.PrinterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
      log.info("printer {}: driven by another agent; this one stands by", printer.id());
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
        log.debug("printer {}: lease not released ({}); it runs out", printer.id(), e.getMessage());
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
    boolean changed;
    synchronized (this) {
      changed = !next.equals(status);
      status = next;
    }
    if (changed) {
      publish();
    }
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
        log.info("printer {}: its lease ran out elsewhere; this agent takes it over", printer.id());
        onTakeover.run();
      } else if (!held && was) {
        log.warn("printer {}: another agent took it over; this one stops driving it", printer.id());
        onLost.accept(ranOut);
      }
    } catch (SdkException e) {
      // The cloud is away: said once by the agent's CloudLink, not at every beat.
      log.debug(
          "printer {}: status not recorded ({}); the next heartbeat retries",
          printer.id(),
          e.getMessage());
    } catch (RuntimeException e) {
      log.warn(
          "printer {}: status not recorded ({}); the next heartbeat retries",
          printer.id(),
          e.getMessage());
    }
  }
}
