package io.printrelay.function.testing;

import io.printrelay.model.Printer;
import io.printrelay.model.PrinterState;
import java.time.Instant;

/** Builds printers as agents register them: {@code aPrinter("line-1").seen(now)…}. */
public final class Printers {
  private final String printerId;
  private Instant lastSeen = Instant.now();
  private PrinterState state = PrinterState.READY;
  private String detail;
  private String currentJobId;
  private boolean paused;

  private Printers(String printerId) {
    this.printerId = printerId;
  }

  public static Printers aPrinter(String printerId) {
    return new Printers(printerId);
  }

  public Printers seen(Instant at) {
    this.lastSeen = at;
    return this;
  }

  public Printers state(PrinterState value, String why) {
    this.state = value;
    this.detail = why;
    return this;
  }

  public Printers printing(String jobId) {
    this.state = PrinterState.PRINTING;
    this.currentJobId = jobId;
    return this;
  }

  public Printers paused() {
    this.paused = true;
    return this;
  }

  public Printer build() {
    return new Printer(
        printerId, "10.0.0.7", 9100, "agent-1", lastSeen, state, detail, currentJobId, paused);
  }
}
