package io.printrelay.function.session;

import static io.printrelay.function.session.SignedInBrowser.login;
import static io.printrelay.function.session.SignedInBrowser.setCookie;
import static io.printrelay.function.testing.EmbeddedSandbox.OPERATOR;
import static io.printrelay.function.testing.EmbeddedSandbox.PASSWORD;
import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /login} and {@code /logout}: answers and cookie flags. */
@MicronautTest
class SignInHttpTest extends ApiTestBase {

  @Test
  void signingInAnswersWhoAndSetsAStrictHttpOnlySessionAndAReadableCsrfCookie() {
    Reply reply = api.send(login(OPERATOR, PASSWORD));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("username")).isEqualTo(OPERATOR);
    assertThat(reply.body().get("roles").get(0).getStringValue()).isEqualTo("operator");
    String session = setCookie(reply, SessionCookies.SESSION);
    String csrf = setCookie(reply, SessionCookies.CSRF);
    assertThat(session)
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/")
        .contains("Max-Age=43200")
        .doesNotContain("Secure");
    assertThat(csrf)
        .doesNotContainIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/");
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void behindHttpsTheCookiesAreSecure() {
    Reply reply = api.send(login(OPERATOR, PASSWORD).header("X-Forwarded-Proto", "https"));

    assertThat(setCookie(reply, SessionCookies.SESSION)).contains("Secure");
    assertThat(setCookie(reply, SessionCookies.CSRF)).contains("Secure");
  }

  @Test
  void aWrongPasswordOrUnknownUserIs401AndSetsNoCookie() {
    for (Reply refused :
        new Reply[] {api.send(login(OPERATOR, "wrong")), api.send(login("nobody", PASSWORD))}) {
      assertProblem(refused, 401);
      assertThat(refused.text("detail")).isEqualTo("Wrong user name or password.");
      assertThat(refused.headers("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void credentialsMustBeAJsonObjectWithBothFields() {
    assertProblem(
        api.send(
            HttpRequest.POST("/login", "{\"username\":\"operator\"}")
                .contentType(MediaType.APPLICATION_JSON)),
        422);
    assertProblem(
        api.send(
            HttpRequest.POST("/login", "{\"username\":").contentType(MediaType.APPLICATION_JSON)),
        400);
    assertProblem(
        api.send(
            HttpRequest.POST("/login", "username=operator")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)),
        415);
  }

  @Test
  void credentialsThatAreNoObjectAre422NamingBothFields() {
    for (String body : List.of("null", "\"operator\"", "1", "[]")) {
      Reply reply =
          api.send(HttpRequest.POST("/login", body).contentType(MediaType.APPLICATION_JSON));

      assertProblem(reply, 422);
      List<String> fields = new ArrayList<>();
      reply.body().get("errors").values().forEach(e -> fields.add(e.get("field").getStringValue()));
      assertThat(fields).containsExactly("username", "password");
    }
  }

  @Test
  void signingOutExpiresBothCookies() {
    SignedInBrowser browser = SignedInBrowser.signIn(api, OPERATOR, PASSWORD);

    Reply reply = api.send(browser.changing(HttpRequest.POST("/logout", new byte[0])));

    assertThat(reply.status()).isEqualTo(204);
    assertThat(setCookie(reply, SessionCookies.SESSION)).contains("Max-Age=0");
    assertThat(setCookie(reply, SessionCookies.CSRF)).contains("Max-Age=0");
  }
}
