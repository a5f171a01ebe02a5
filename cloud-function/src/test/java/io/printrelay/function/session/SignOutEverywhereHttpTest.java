package io.printrelay.function.session;

import static io.printrelay.function.session.SignedInBrowser.setCookie;
import static io.printrelay.function.testing.EmbeddedSandbox.OPERATOR;
import static io.printrelay.function.testing.EmbeddedSandbox.OPERATOR_KEY;
import static io.printrelay.function.testing.EmbeddedSandbox.PASSWORD;
import static io.printrelay.function.testing.EmbeddedSandbox.VIEWER;
import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /logout-everywhere}: a signed-in person ends every session of their account, on every
 * device, not only the cookies of the browser that asks.
 */
@MicronautTest
class SignOutEverywhereHttpTest extends ApiTestBase {

  @Test
  void endsEverySessionOfTheAccountAndClearsTheCookies() {
    SignedInBrowser tablet = SignedInBrowser.signIn(api, OPERATOR, PASSWORD);
    SignedInBrowser office = SignedInBrowser.signIn(api, OPERATOR, PASSWORD);
    SignedInBrowser wall = SignedInBrowser.signIn(api, VIEWER, PASSWORD);

    Reply reply = api.send(tablet.changing(post("/logout-everywhere")));

    assertThat(reply.status()).isEqualTo(204);
    assertThat(setCookie(reply, SessionCookies.SESSION)).contains("Max-Age=0");
    assertThat(setCookie(reply, SessionCookies.CSRF)).contains("Max-Age=0");
    assertProblem(api.send(tablet.withSession(HttpRequest.GET("/v1/me"))), 401);
    assertProblem(api.send(office.withSession(HttpRequest.GET("/v1/me"))), 401);
    assertThat(api.send(wall.withSession(HttpRequest.GET("/v1/me"))).status())
        .as("another account's session")
        .isEqualTo(200);
  }

  @Test
  void aSignInAfterwardsOpensAWorkingSession() {
    SignedInBrowser before = SignedInBrowser.signIn(api, OPERATOR, PASSWORD);
    assertThat(api.send(before.changing(post("/logout-everywhere"))).status()).isEqualTo(204);

    SignedInBrowser after = SignedInBrowser.signIn(api, OPERATOR, PASSWORD);

    assertThat(api.send(after.withSession(HttpRequest.GET("/v1/me"))).status()).isEqualTo(200);
    assertProblem(api.send(before.withSession(HttpRequest.GET("/v1/me"))), 401);
  }

  @Test
  void withoutTheCsrfTokenItIs403AndEndsNothing() {
    SignedInBrowser operator = SignedInBrowser.signIn(api, OPERATOR, PASSWORD);

    Reply refused = api.send(operator.withSession(post("/logout-everywhere")));

    assertProblem(refused, 403);
    assertThat(refused.text("detail")).contains("X-CSRF-Token");
    assertThat(api.send(operator.withSession(HttpRequest.GET("/v1/me"))).status()).isEqualTo(200);
  }

  @Test
  void anApiKeyHasNoSessionsToEnd() {
    assertProblem(api.send(post("/logout-everywhere").bearerAuth(OPERATOR_KEY)), 403);
    assertProblem(api.send(post("/logout-everywhere")), 401);
  }

  private static MutableHttpRequest<?> post(String path) {
    return HttpRequest.POST(path, new byte[0]);
  }
}
