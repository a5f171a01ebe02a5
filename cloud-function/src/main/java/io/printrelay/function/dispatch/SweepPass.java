package io.printrelay.function.dispatch;

/**
 * A pass another feature adds to each run of the dispatch sweep, so that its retries run on the
 * sweep's schedule (every minute in AWS, every 10 s locally) without the sweep depending on it.
 */
public interface SweepPass {
  /** Names the pass in the sweep's log. */
  String name();

  /** One run; a failure is logged and fails the sweep's run after the other passes ran. */
  int run();
}
