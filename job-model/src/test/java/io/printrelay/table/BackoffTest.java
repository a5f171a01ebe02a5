package io.printrelay.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1), 8);

  @ParameterizedTest(name = "attempt {0}: at most {1} ms")
  @CsvSource({"1,20", "2,40", "3,80", "6,640", "7,1000", "40,1000"})
  void doublesFromTheBaseUpToTheCap(int attempt, long ceilingMillis) {
    assertThat(backoff.ceiling(attempt)).isEqualTo(Duration.ofMillis(ceilingMillis));
  }

  @ParameterizedTest(name = "attempt {0}, random {1}: {2} ms")
  @CsvSource({"1,0.0,0", "3,0.5,40", "7,0.999,999"})
  void waitsAJitteredShareOfTheCeiling(int attempt, double random, long millis) {
    assertThat(backoff.delay(attempt, random)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "after attempt {0}: exhausted {1}")
  @CsvSource({"1,false", "7,false", "8,true"})
  void givesUpAfterMaxAttempts(int attempt, boolean exhausted) {
    assertThat(backoff.exhausted(attempt)).isEqualTo(exhausted);
  }
}
