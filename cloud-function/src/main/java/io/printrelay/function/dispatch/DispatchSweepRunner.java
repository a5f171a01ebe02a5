package io.printrelay.function.dispatch;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sweep on a timer inside this process: `printrelay local`. In AWS the EventBridge
 * schedule invokes {@link DispatchSweepHandler} instead, and this bean does not exist.
 */
@Singleton
@Requires(property = "printrelay.dispatch-sweep.enabled", value = "true")
public class DispatchSweepRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchSweepRunner.class);

  private final SweepPasses sweep;

  public DispatchSweepRunner(SweepPasses sweep) {
    this.sweep = sweep;
  }

  @Scheduled(
      fixedDelay = "${printrelay.dispatch-sweep.interval:10s}",
      initialDelay = "${printrelay.dispatch-sweep.interval:10s}")
  void sweep() {
    try {
      sweep.run();
    } catch (RuntimeException e) {
      // The next tick tries again; a thrown exception would only be logged by the scheduler.
      LOG.warn("Dispatch sweep failed", e);
    }
  }
}
