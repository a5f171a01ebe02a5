package io.printrelay.agent.polling;

/** Hands held jobs to the printers this agent serves. */
public interface JobRouter {
  boolean serves(String printerId);

  /** Served here, but driven by another agent for now: this one stands by for it. */
  boolean standsBy(String printerId);

  /** Gives the job to its printer's worker, which now owns completing or releasing it. */
  void route(String printerId, HeldJob job);
}
