package io.printrelay.function.session;

import static io.printrelay.function.session.SignedInBrowser.login;
import static io.printrelay.function.testing.EmbeddedSandbox.OPERATOR;
import static io.printrelay.function.testing.EmbeddedSandbox.PASSWORD;
import static io.printrelay.function.testing.EmbeddedSandbox.VIEWER;
import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Password guessing at {@code POST /login} is slowed down: per user name 5 failures in 15 minutes,
 * per source address 20, then 429 with a Retry-After that doubles from 1 minute up to 15. Time
 * moves on a {@link SettableClock}; every request here comes from 127.0.0.1.
 */
@MicronautTest
class SignInThrottleHttpTest extends ApiTestBase {
  private static final String WRONG = "not the password";
  private final SettableClock clock = new SettableClock(Instant.now());

  @MockBean(Clock.class)
  Clock clock() {
    return clock;
  }

  @BeforeEach
  void forgetEarlierTests() {
    clock.advance(Duration.ofDays(1));
  }

  @Test
  void afterFiveWrongPasswordsEvenTheRightOneWaitsAMinute() {
    for (int i = 0; i < 5; i++) {
      assertProblem(api.send(login(OPERATOR, WRONG)), 401);
    }

    Reply held = api.send(login(OPERATOR, PASSWORD));

    assertProblem(held, 429);
    assertThat(held.header("Retry-After")).isEqualTo("60");
    assertThat(held.text("detail")).contains("60");
    assertThat(held.headers("Set-Cookie")).isEmpty();
    clock.advance(Duration.ofSeconds(59));
    assertThat(api.send(login(OPERATOR, PASSWORD)).status()).isEqualTo(429);
    assertThat(api.send(login(OPERATOR, PASSWORD)).header("Retry-After")).isEqualTo("1");
  }

  @Test
  void eachFailureAfterTheWaitDoublesIt() {
    for (int i = 0; i < 5; i++) {
      api.send(login(OPERATOR, WRONG));
    }
    clock.advance(Duration.ofMinutes(1));

    assertProblem(api.send(login(OPERATOR, WRONG)), 401);
    assertThat(api.send(login(OPERATOR, PASSWORD)).header("Retry-After")).isEqualTo("120");
    clock.advance(Duration.ofMinutes(2));
    assertProblem(api.send(login(OPERATOR, WRONG)), 401);
    assertThat(api.send(login(OPERATOR, PASSWORD)).header("Retry-After")).isEqualTo("240");
    clock.advance(Duration.ofMinutes(4));
    assertThat(api.send(login(OPERATOR, PASSWORD)).status()).isEqualTo(200);
  }

  @Test
  void aSuccessfulSignInClearsTheUsersCount() {
    for (int i = 0; i < 4; i++) {
      api.send(login(OPERATOR, WRONG));
    }
    assertThat(api.send(login(OPERATOR, PASSWORD)).status()).isEqualTo(200);

    for (int i = 0; i < 4; i++) {
      assertProblem(api.send(login(OPERATOR, WRONG)), 401);
    }
    assertThat(api.send(login(OPERATOR, PASSWORD)).status()).isEqualTo(200);
  }

  @Test
  void failuresAreForgottenAfterFifteenQuietMinutes() {
    for (int i = 0; i < 4; i++) {
      api.send(login(OPERATOR, WRONG));
    }
    clock.advance(Duration.ofMinutes(15));

    assertProblem(api.send(login(OPERATOR, WRONG)), 401);
    assertThat(api.send(login(OPERATOR, PASSWORD)).status()).isEqualTo(200);
  }

  @Test
  void oneUsersFailuresDoNotHoldBackAnotherUser() {
    for (int i = 0; i < 6; i++) {
      api.send(login(OPERATOR, WRONG));
    }

    assertThat(api.send(login(VIEWER, PASSWORD)).status()).isEqualTo(200);
    assertProblem(api.send(login(OPERATOR, PASSWORD)), 429);
  }

  @Test
  void unknownUserNamesAreCountedLikeKnownOnes() {
    for (int i = 0; i < 5; i++) {
      assertProblem(api.send(login("nobody", WRONG)), 401);
    }

    assertProblem(api.send(login("nobody", WRONG)), 429);
  }

  @Test
  void twentyFailuresFromOneAddressHoldBackEveryUserThereWhateverXForwardedForSays() {
    for (int user = 0; user < 5; user++) {
      for (int i = 0; i < 4; i++) {
        assertProblem(api.send(login("guess-" + user, WRONG)), 401);
      }
    }

    Reply held = api.send(login(OPERATOR, PASSWORD).header("X-Forwarded-For", "203.0.113.9"));

    assertProblem(held, 429);
    assertThat(held.header("Retry-After")).isEqualTo("60");
    assertProblem(api.send(login(VIEWER, PASSWORD)), 429);
  }
}
