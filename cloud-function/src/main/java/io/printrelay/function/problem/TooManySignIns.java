package io.printrelay.function.problem;

import java.time.Duration;

/**
 * A sign-in refused because too many failed for its user name or its source address lately; it says
 * how long to wait (also as {@code Retry-After}), not which of the two is held back.
 */
public final class TooManySignIns extends Rejection {
  private final long retryAfterSeconds;

  public TooManySignIns(Duration wait) {
    this(Math.max(1, wait.plusSeconds(1).minusNanos(1).toSeconds()));
  }

  private TooManySignIns(long seconds) {
    super("Too many failed sign-ins; try again in " + seconds + " s.");
    this.retryAfterSeconds = seconds;
  }

  /** Whole seconds, rounded up, at least 1 (RFC 9110 §10.2.3). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
