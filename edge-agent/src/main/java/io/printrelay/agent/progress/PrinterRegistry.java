package io.printrelay.agent.progress;

import java.time.Instant;

/**
 * The agent's printers as the cloud sees them: registration, heartbeat and the operator's pause.
 */
public interface PrinterRegistry {

  /**
   * Creates or refreshes the printer item with where it is, who serves it and its state. Never
   * touches {@code paused}: an operator's pause outlives agent restarts. Also renews this agent's
   * lease on the printer; false, writing nothing, when another agent holds it (this one then stands
   * by for the printer).
   */
  boolean report(
      String printerId, String host, int port, String agentId, PrinterStatus status, Instant now);

  /** Ends this agent's lease now, so that a standby takes the printer over at its next beat. */
  void releaseLease(String printerId, String agentId);

  /** Consistent read of the operator's pause flag; a printer never registered is not paused. */
  boolean paused(String printerId);
}
