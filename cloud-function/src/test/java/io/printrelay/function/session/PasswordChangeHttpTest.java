package io.printrelay.function.session;

import static io.printrelay.function.testing.EmbeddedSandbox.OPERATOR;
import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.printrelay.function.security.PasswordHashes;
import io.printrelay.function.testing.ApiClient;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operators change a password by configuring a new hash and redeploying. Every session opened with
 * the old password ends then; a restart with the same hash ends none.
 */
class PasswordChangeHttpTest {
  private static final String SECRET = "a-session-secret-of-32-characters-or-more";
  private static final String OLD_PASSWORD = "old password, written on the wall";
  private static final String NEW_PASSWORD = "new password, kept to myself";

  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();
  private final String oldHash = PasswordHashes.hash(OLD_PASSWORD);
  private final String newHash = PasswordHashes.hash(NEW_PASSWORD);

  @Test
  void aNewPasswordHashEndsTheSessionsOpenedWithTheOldOne() {
    SignedInBrowser session;
    try (Api api = start(oldHash)) {
      session = SignedInBrowser.signIn(api.client(), OPERATOR, OLD_PASSWORD);
    }
    try (Api restarted = start(oldHash)) {
      assertThat(restarted.client().send(session.withSession(HttpRequest.GET("/v1/me"))).status())
          .as("same hash after a restart")
          .isEqualTo(200);
    }

    try (Api changed = start(newHash)) {
      assertProblem(changed.client().send(session.withSession(HttpRequest.GET("/v1/me"))), 401);
      SignedInBrowser fresh = SignedInBrowser.signIn(changed.client(), OPERATOR, NEW_PASSWORD);
      assertThat(changed.client().send(fresh.withSession(HttpRequest.GET("/v1/me"))).status())
          .isEqualTo(200);
    }
  }

  /** The API on this test's table, with a fixed session secret and the operator's hash. */
  private Api start(String operatorHash) {
    Map<String, Object> properties = new HashMap<>(sandbox.properties());
    properties.put("printrelay.session.secret", SECRET);
    properties.put(
        "printrelay.operators",
        List.of(Map.of("username", OPERATOR, "password-hash", operatorHash, "role", "operator")));
    properties.put("micronaut.server.port", -1);
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
    HttpClient http = HttpClient.create(server.getURL());
    return new Api(
        server,
        http,
        new ApiClient(http.toBlocking(), server.getApplicationContext().getBean(JsonMapper.class)));
  }

  private record Api(EmbeddedServer server, HttpClient http, ApiClient client)
      implements AutoCloseable {
    @Override
    public void close() {
      http.close();
      server.getApplicationContext().close();
    }
  }
}
