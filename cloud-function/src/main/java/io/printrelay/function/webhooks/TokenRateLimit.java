package io.printrelay.function.webhooks;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@value #PER_MINUTE} webhook calls a minute per token, counted in this instance's memory
 * (a fixed one-minute window). Good enough against a rule gone wild (an automation that fires on
 * every write), not a guarantee: each Lambda instance counts on its own, so the whole API may take
 * a few times as many; API Gateway's throttle bounds the rest (docs/api.md#intake).
 */
@Singleton
public class TokenRateLimit {
  static final int PER_MINUTE = 120;
  private static final Duration WINDOW = Duration.ofMinutes(1);
  // Counts only known tokens; a few hundred profiles at most, bounded all the same.
  private static final int MAX_TOKENS = 1_000;

  private final Clock clock;
  private final Map<String, Window> windows =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
          return size() > MAX_TOKENS;
        }
      };

  public TokenRateLimit(Clock clock) {
    this.clock = clock;
  }

  /**
   * Counts a call of the token (by its hash).
   *
   * @return 0 when it may go ahead, else the seconds until its window ends
   */
  synchronized long acquire(String tokenSha256) {
    Instant now = clock.instant();
    Window window = windows.get(tokenSha256);
    if (window == null || !now.isBefore(window.start.plus(WINDOW))) {
      window = new Window(now);
      windows.put(tokenSha256, window);
    }
    if (window.calls >= PER_MINUTE) {
      return Math.max(1, Duration.between(now, window.start.plus(WINDOW)).toSeconds());
    }
    window.calls++;
    return 0;
  }

  private static final class Window {
    private final Instant start;
    private int calls;

    private Window(Instant start) {
      this.start = start;
    }
  }
}
