package io.printrelay.agent.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

  @ParameterizedTest(name = "after failed attempt {0}: wait {1} ms")
  @CsvSource({"1, 500", "2, 1000", "3, 2000", "4, 2000", "10, 2000"})
  void defaultDoublesFromHalfASecondUpToTwoSeconds(int failedAttempt, long millis) {
    assertThat(Backoff.DEFAULT.delayAfter(failedAttempt)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0} attempts made: another allowed = {1}")
  @CsvSource({"0, true", "1, true", "2, true", "3, false", "4, false"})
  void defaultAllowsThreeAttemptsInAll(int attemptsMade, boolean another) {
    assertThat(Backoff.DEFAULT.allowsAnother(attemptsMade)).isEqualTo(another);
  }

  @ParameterizedTest(name = "first {0} ms x{1}, max {2} ms, after attempt {3}: {4} ms")
  @CsvSource({
    "10, 3.0, 1000, 1, 10",
    "10, 3.0, 1000, 2, 30",
    "10, 3.0, 1000, 3, 90",
    "10, 3.0, 1000, 5, 810",
    "10, 3.0, 1000, 6, 1000",
    "0, 2.0, 0, 3, 0",
    "100, 1.0, 100, 7, 100",
    "1000, 2.0, 60000, 40, 60000"
  })
  void growsGeometricallyAndIsCapped(
      long first, double multiplier, long max, int failedAttempt, long expected) {
    Backoff backoff = new Backoff(Duration.ofMillis(first), multiplier, Duration.ofMillis(max), 9);

    assertThat(backoff.delayAfter(failedAttempt)).isEqualTo(Duration.ofMillis(expected));
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 3))
        .hasMessageContaining("first <= max");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 3))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0))
        .hasMessageContaining("at least 1 attempt");
    assertThatThrownBy(() -> Backoff.DEFAULT.delayAfter(0)).hasMessageContaining("from 1");
  }
}
