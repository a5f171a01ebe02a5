package io.printrelay.function.dispatch;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sweep (all its passes, label expiry included) on a timer inside this process:
 * `printrelay local`. In AWS the EventBridge schedule invokes {@link DispatchSweepHandler} instead,
 * and this bean does not exist.
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
      // Each failed pass was logged by SweepPasses; the next tick tries again.
      LOG.debug("Dispatch sweep failed", e);
    }
  }
}
