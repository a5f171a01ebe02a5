package io.printrelay.function.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.config.SignInSettings;
import io.printrelay.function.problem.TooManySignIns;
import io.printrelay.function.session.Failures;
import io.printrelay.function.session.SignInCounters;
import io.printrelay.function.session.SignInCounters.Counted;
import io.printrelay.function.session.SignInCounters.Key;
import io.printrelay.function.session.SignInCounters.Replacement;
import io.printrelay.function.session.SignInThrottle;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.function.testing.SettableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sign-in counters on DynamoDB Local: compare-and-set, take-back, clear, and racing claims. */
class DynamoDbSignInCountersTest {
  private static final Sandbox SANDBOX = EmbeddedSandbox.newSandbox();
  // Stored to the millisecond, as every instant in the table.
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private final SignInCounters counters =
      new DynamoDbSignInCounters(
          SANDBOX.dynamoDb(), new PrintrelaySettings(SANDBOX.table(), "unused", null, null));
  private final ExecutorService crowd = Executors.newFixedThreadPool(12);

  @AfterEach
  void stopCrowd() {
    crowd.shutdownNow();
  }

  @Test
  void aCountIsReplacedOnlyFromTheVersionRead() {
    Key key = new Key("user", "cas");
    Failures one = new Failures(1, NOW, NOW);

    assertThat(counters.replace(List.of(replacement(key, 0, one)))).isTrue();
    assertThat(counters.replace(List.of(replacement(key, 0, one)))).as("stale: no item").isFalse();
    Counted read = counters.read(key);
    assertThat(read).isEqualTo(new Counted(one, 1));
    assertThat(counters.replace(List.of(replacement(key, 1, new Failures(2, NOW, NOW))))).isTrue();
    assertThat(counters.read(key).failures().count()).isEqualTo(2);
  }

  @Test
  void twoCountsAreReplacedTogetherOrNotAtAll() {
    Key fresh = new Key("user", "both-fresh");
    Key taken = new Key("address", "both-taken");
    counters.replace(List.of(replacement(taken, 0, new Failures(1, NOW, NOW))));

    boolean written =
        counters.replace(
            List.of(
                replacement(fresh, 0, new Failures(1, NOW, NOW)),
                replacement(taken, 0, new Failures(1, NOW, NOW))));

    assertThat(written).isFalse();
    assertThat(counters.read(fresh)).isEqualTo(Counted.NONE);
  }

  @Test
  void aTakeBackAppliesOnlyToTheCountItBelongsTo() {
    Key key = new Key("address", "take-back");
    counters.replace(List.of(replacement(key, 0, new Failures(3, NOW, NOW))));

    counters.takeBack(key, NOW);
    counters.takeBack(key, NOW.minusSeconds(1));

    assertThat(counters.read(key).failures().count()).isEqualTo(2);
  }

  @Test
  void clearingForgetsTheFailuresAndCreatesNothing() {
    Key key = new Key("user", "clear");
    counters.replace(List.of(replacement(key, 0, new Failures(4, NOW, NOW))));

    counters.clear(key);
    counters.clear(new Key("user", "never-failed"));

    assertThat(counters.read(key).failures().count()).isZero();
    assertThat(counters.read(new Key("user", "never-failed"))).isEqualTo(Counted.NONE);
  }

  @Test
  void attemptsSentAllAtOnceAreEachCountedAndNoneSlipsPastTheLimit() throws Exception {
    SignInThrottle throttle =
        new SignInThrottle(
            counters,
            new SignInSettings(
                5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)),
            new SettableClock(NOW));
    Optional<InetAddress> address = Optional.of(InetAddress.getByName("192.0.2.44"));
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      attempts.add(
          () -> {
            try {
              throttle.begin("raced", address);
              return true;
            } catch (TooManySignIns refused) {
              return false;
            }
          });
    }

    int admitted = 0;
    for (Future<Boolean> attempt : crowd.invokeAll(attempts)) {
      admitted += admittedOrFail(attempt) ? 1 : 0;
    }

    assertThat(admitted).isBetween(1, 5);
    assertThat(counters.read(new Key("address", "192.0.2.44")).failures().count())
        .as("every admitted attempt counted once")
        .isEqualTo(admitted);
  }

  private static boolean admittedOrFail(Future<Boolean> attempt) throws InterruptedException {
    try {
      return attempt.get();
    } catch (ExecutionException e) {
      throw new AssertionError("an attempt failed", e.getCause());
    }
  }

  private static Replacement replacement(Key key, long version, Failures failures) {
    return new Replacement(key, version, failures, NOW.plus(Duration.ofMinutes(15)));
  }
}
