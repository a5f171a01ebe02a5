package io.printrelay.model;

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
}
