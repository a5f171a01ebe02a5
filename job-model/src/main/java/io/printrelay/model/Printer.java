package io.printrelay.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A printer as its agent registered it, with what the agent last reported.
 *
 * @param state what the agent saw: ready, printing, offline (unreachable) or error
 * @param paused an operator's hold on all of its jobs; survives agent and cloud restarts
 * @param lastSeen the agent's last heartbeat; a silent agent makes the printer offline
 */
public record Printer(
    String printerId,
    String host,
    int port,
    String agentId,
    Instant lastSeen,
    PrinterState state,
    String detail,
    String currentJobId,
    boolean paused) {

  public Printer {
    Objects.requireNonNull(printerId, "printerId");
    Objects.requireNonNull(state, "state");
  }

  /**
   * True when its agent has not reported within {@code offlineAfter} before {@code now} (or never):
   * nothing it last said can still be trusted, the printer counts as offline.
   */
  public boolean silent(Instant now, Duration offlineAfter) {
    return lastSeen == null || lastSeen.plus(offlineAfter).isBefore(now);
  }
}
