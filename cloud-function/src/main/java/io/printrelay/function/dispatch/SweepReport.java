package io.printrelay.function.dispatch;

/**
 * A pass of the sweep that only reads and tells (the figures for CloudWatch): run after every pass
 * that changes something, so it sees what they did. Implemented where what it reads lives, so that
 * the sweep depends on none of it.
 */
public interface SweepReport {
  /** What the pass is about, for the log line when it fails. */
  String name();

  void run();
}
