package io.printrelay.agent.printing;

import io.printrelay.agent.progress.PrinterRegistry;
import io.printrelay.agent.progress.PrinterStatus;
import io.printrelay.model.PrinterState;
import java.time.Clock;
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

  public PrinterStatusBoard(
      PrinterEndpoint printer, String agentId, PrinterRegistry registry, Clock clock) {
    this.printer = printer;
    this.agentId = agentId;
    this.registry = registry;
    this.clock = clock;
  }

  /** Registers the printer as ready; throws when the table cannot be reached (start fails). */
  public void register() {
    registry.report(
        printer.id(), printer.host(), printer.port(), agentId, status(), clock.instant());
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
      registry.report(
          printer.id(), printer.host(), printer.port(), agentId, status(), clock.instant());
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
