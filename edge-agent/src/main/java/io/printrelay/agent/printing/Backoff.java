package io.printrelay.agent.printing;

import java.time.Duration;
import java.util.Objects;

/**
 * Label retries (docs/printing.md#retries-and-failures): {@code attempts} in all, waiting {@code
 * first}, then {@code multiplier} times longer each time, never more than {@code max}. Pure
 * arithmetic, so tests can use millisecond delays and production the real ones.
 */
public record Backoff(Duration first, double multiplier, Duration max, int attempts) {
  /** 0.5 s, 1 s (then 2 s if attempts were raised); three attempts in all. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(2), 3);

  public Backoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 <= first <= max, got " + first + ", " + max);
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("backoff multiplier must be >= 1, got " + multiplier);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("backoff needs at least 1 attempt, got " + attempts);
    }
  }

  /** True when, after {@code attemptsMade} failed attempts, another one is allowed. */
  public boolean allowsAnother(int attemptsMade) {
    return attemptsMade < attempts;
  }

  /** The wait after failed attempt number {@code failedAttempt} (from 1) before the next one. */
  public Duration delayAfter(int failedAttempt) {
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, got " + failedAttempt);
    }
    double millis = first.toMillis() * Math.pow(multiplier, failedAttempt - 1);
    return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
  }
}
