package io.printrelay.function.printers;

import io.printrelay.model.Printer;
import java.time.Duration;
import java.time.Instant;

/**
 * What a printer's status is, from what its agent last reported and when. An operator's pause shows
 * first, as it holds every job whatever the agent says; an agent silent for longer than {@code
 * offlineAfter} makes its printer offline, since nothing it reported can still be trusted.
 *
 * @param status ready, printing, paused, offline or error (docs/api.md#printers)
 * @param detail why, in words; null when there is nothing to say
 */
public record PrinterStatus(String status, String detail) {
  static final String PAUSED = "paused";
  static final String OFFLINE = "offline";

  public static PrinterStatus of(Printer printer, Instant now, Duration offlineAfter) {
    if (printer.paused()) {
      String agentSays = printer.detail() == null ? "" : " (agent: " + printer.detail() + ")";
      return new PrinterStatus(PAUSED, "paused by an operator" + agentSays);
    }
    Instant lastSeen = printer.lastSeen();
    if (lastSeen == null) {
      return new PrinterStatus(OFFLINE, "its agent has not reported yet");
    }
    if (printer.silent(now, offlineAfter)) {
      return new PrinterStatus(OFFLINE, "agent silent since " + lastSeen);
    }
    return new PrinterStatus(printer.state().wireName(), printer.detail());
  }

  /** Its agent silent, or the agent cannot reach it: nothing prints there. */
  public boolean offline() {
    return OFFLINE.equals(status);
  }
}
