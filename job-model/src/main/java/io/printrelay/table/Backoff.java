package io.printrelay.table;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy for DynamoDB writes that did nothing and may simply run again (unprocessed
 * batch items, transaction conflicts). Exponential backoff with full jitter, as AWS recommends
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/): retries of many
 * callers spread out instead of colliding again.
 *
 * @param maxAttempts attempts in all, the first included
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {
  public static final Backoff DYNAMODB =
      new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1), 8);

  /** The longest wait after failed attempt {@code attempt} (from 1): base·2^(attempt-1), capped. */
  public Duration ceiling(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    long millis = base.toMillis() << doublings;
    return Duration.ofMillis(Math.min(millis, cap.toMillis()));
  }

  /** The wait for a given uniform random number in [0, 1). */
  public Duration delay(int attempt, double random) {
    return Duration.ofMillis((long) (ceiling(attempt).toMillis() * random));
  }

  public boolean exhausted(int attempt) {
    return attempt >= maxAttempts;
  }

  /** Waits before the next attempt; keeps the interrupt for the caller to see. */
  public void pause(int attempt) {
    try {
      Thread.sleep(delay(attempt, ThreadLocalRandom.current().nextDouble()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
