package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenRateLimitTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:15:00Z"));
  private final TokenRateLimit limit = new TokenRateLimit(clock);

  @Test
  void aTokenMayCall120TimesAMinuteAndOthersAreNotHeldBack() {
    for (int i = 0; i < TokenRateLimit.PER_MINUTE; i++) {
      assertThat(limit.acquire("a")).isZero();
    }
    clock.advance(Duration.ofSeconds(20));

    assertThat(limit.acquire("a")).isEqualTo(40);
    assertThat(limit.acquire("b")).isZero();
    clock.advance(Duration.ofSeconds(40));
    assertThat(limit.acquire("a")).isZero();
  }
}
