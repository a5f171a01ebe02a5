package io.printrelay.function.session;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;

/**
 * When a sign-in must wait, as pure arithmetic on the {@link Failures} counted so far.
 *
 * <ul>
 *   <li>Below {@code maxFailures}, failures count within a fixed window from the first one; a
 *       window that ends below the limit is forgotten.
 *   <li>From {@code maxFailures} on, each attempt waits {@code firstDelay} after the latest
 *       failure, doubled for every failure past the limit, at most {@code maxDelay}. Attempts
 *       refused while waiting are not counted (they never reach the password), so a guesser gets
 *       one try per wait.
 *   <li>Such a count is forgotten one whole window after its wait ends without a new failure.
 * </ul>
 *
 * The moment a count is forgotten ({@link #forgetAt}) is also when its table item may expire.
 */
public record SignInPolicy(
    int maxFailures, Duration window, Duration firstDelay, Duration maxDelay) {

  /** How long an attempt made now must wait; zero when it may go ahead. */
  public Duration waitBefore(@Nullable Failures failures, Instant now) {
    Failures current = current(failures, now);
    if (current == null || current.count() < maxFailures) {
      return Duration.ZERO;
    }
    Instant until = waitEnds(current);
    return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
  }

  /** The count once a failure at {@code now} is added: a forgotten count starts again at 1. */
  public Failures afterFailure(@Nullable Failures failures, Instant now) {
    Failures current = current(failures, now);
    return current == null
        ? new Failures(1, now, now)
        : new Failures(current.count() + 1, current.windowStart(), now);
  }

  /** When the count no longer matters; also the expiry of its table item. */
  public Instant forgetAt(Failures failures) {
    return failures.count() < maxFailures
        ? failures.windowStart().plus(window)
        : waitEnds(failures).plus(window);
  }

  private @Nullable Failures current(@Nullable Failures failures, Instant now) {
    return failures == null || failures.count() == 0 || !now.isBefore(forgetAt(failures))
        ? null
        : failures;
  }

  private Instant waitEnds(Failures failures) {
    Duration delay = firstDelay;
    for (int past = failures.count() - maxFailures;
        past > 0 && delay.compareTo(maxDelay) < 0;
        past--) {
      delay = delay.multipliedBy(2);
    }
    return failures.lastFailure().plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
  }
}
