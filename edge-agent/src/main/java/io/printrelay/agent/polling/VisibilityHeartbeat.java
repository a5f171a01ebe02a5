package io.printrelay.agent.polling;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every held message invisible while its job waits or prints: every {@code interval} it
 * pushes their visibility {@code timeout} ahead. The timeout stays short (a minute), so the
 * messages of an agent that died come back soon; the interval is a third of it, so one missed beat
 * is harmless. A message whose visibility ran out anyway comes back to a poller and is merged into
 * the job already held (see {@link HeldMessages}).
 */
public final class VisibilityHeartbeat {
  private static final Logger log = LoggerFactory.getLogger(VisibilityHeartbeat.class);
  private final HeldMessages held;
  private final Duration timeout;
  private final Duration interval;

  public VisibilityHeartbeat(HeldMessages held, Duration timeout, Duration interval) {
    this.held = held;
    this.timeout = timeout;
    this.interval = interval;
  }

  public ScheduledFuture<?> start(ScheduledExecutorService scheduler) {
    long millis = interval.toMillis();
    return scheduler.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void beat() {
    try {
      held.keepAllInvisible(timeout);
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log and keep beating.
      log.atWarn()
          .addKeyValue("event", "message.heartbeat_failed")
          .addKeyValue("error", e.toString())
          .log("visibility heartbeat failed");
    }
  }
}
