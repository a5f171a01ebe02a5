package io.printrelay.function.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The throttle's arithmetic: 5 failures in 15 minutes, then 1 minute doubling up to 15. */
class SignInPolicyTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private final SignInPolicy policy =
      new SignInPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15));

  @ParameterizedTest(name = "{0} failures: wait {1} s")
  @CsvSource({
    "1, 0", "4, 0", "5, 60", "6, 120", "7, 240", "8, 480", "9, 900", "10, 900", "64, 900"
  })
  void fromTheLimitOnTheWaitDoublesUpToItsCap(int failures, long waitSeconds) {
    Failures counted = new Failures(failures, START, START.plusSeconds(30));

    assertThat(policy.waitBefore(counted, START.plusSeconds(30)))
        .isEqualTo(Duration.ofSeconds(waitSeconds));
  }

  @Test
  void nothingCountedMeansNoWait() {
    assertThat(policy.waitBefore(null, START)).isZero();
    assertThat(policy.waitBefore(new Failures(0, START, START), START)).isZero();
  }

  @Test
  void theWaitCountsDownFromTheLastFailure() {
    Failures five = failures(5);

    assertThat(policy.waitBefore(five, START.plusSeconds(20))).hasSeconds(40);
    assertThat(policy.waitBefore(five, START.plusSeconds(60))).isZero();
  }

  @Test
  void failuresInsideTheWindowAddUp() {
    Failures counted = null;
    for (int minute = 0; minute < 5; minute++) {
      counted = policy.afterFailure(counted, START.plus(Duration.ofMinutes(minute * 3)));
    }

    assertThat(counted).isEqualTo(new Failures(5, START, START.plus(Duration.ofMinutes(12))));
  }

  @Test
  void aWindowThatDidNotReachTheLimitIsForgottenWhenItEnds() {
    Failures four = new Failures(4, START, START.plus(Duration.ofMinutes(14)));
    Instant windowEnd = START.plus(Duration.ofMinutes(15));

    assertThat(policy.forgetAt(four)).isEqualTo(windowEnd);
    assertThat(policy.afterFailure(four, windowEnd))
        .isEqualTo(new Failures(1, windowEnd, windowEnd));
    assertThat(policy.afterFailure(four, windowEnd.minusMillis(1)).count()).isEqualTo(5);
  }

  @Test
  void overTheLimitTheCountLastsUntilAWholeWindowPassesAfterTheWait() {
    Failures six = new Failures(6, START, START.plus(Duration.ofMinutes(20)));
    Instant waitEnds = START.plus(Duration.ofMinutes(22));

    assertThat(policy.forgetAt(six)).isEqualTo(waitEnds.plus(Duration.ofMinutes(15)));
    assertThat(policy.afterFailure(six, waitEnds).count()).isEqualTo(7);
    assertThat(policy.waitBefore(policy.afterFailure(six, waitEnds), waitEnds)).hasMinutes(4);
    assertThat(policy.afterFailure(six, policy.forgetAt(six)).count()).isEqualTo(1);
  }

  @Test
  void aForgottenCountNeverHoldsAnyoneBack() {
    Failures five = failures(5);

    assertThat(policy.waitBefore(five, policy.forgetAt(five))).isZero();
  }

  private static Failures failures(int count) {
    return new Failures(count, START, START);
  }
}
