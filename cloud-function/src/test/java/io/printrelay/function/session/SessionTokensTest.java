package io.printrelay.function.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.printrelay.function.security.Operator;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTokensTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  private final ApplicationContext context =
      ApplicationContext.run(
          Map.of("printrelay.session.secret", "a-session-secret-of-32-characters-or-more"));
  private final SessionTokens tokens = context.getBean(SessionTokens.class);

  @AfterAll
  void close() {
    context.close();
  }

  @Test
  void aTokenCarriesItsSessionUntilItExpires() {
    Session session = tokens.open(new Operator("ana", "operator"), "credential", NOW);
    String token = tokens.encode(session);

    assertThat(session.expiresAt()).isEqualTo(NOW.plusSeconds(12 * 3600));
    assertThat(tokens.decode(token, NOW.plusSeconds(3600))).contains(session);
    assertThat(tokens.decode(token, session.expiresAt())).isEmpty();
  }

  @Test
  void eachSessionHasItsOwnCsrfToken() {
    Operator ana = new Operator("ana", "operator");

    assertThat(tokens.open(ana, "credential", NOW).csrfToken())
        .isNotEqualTo(tokens.open(ana, "credential", NOW).csrfToken())
        .hasSizeGreaterThanOrEqualTo(43);
  }

  @Test
  void aTokenSignedWithAnotherSecretIsNotASession() {
    try (ApplicationContext other =
        ApplicationContext.run(
            Map.of("printrelay.session.secret", "another-secret-of-32-characters-or-more"))) {
      String foreign =
          other
              .getBean(SessionTokens.class)
              .encode(tokens.open(new Operator("ana", "operator"), "credential", NOW));

      assertThat(tokens.decode(foreign, NOW)).isEmpty();
    }
  }

  @Test
  void garbageIsNotASession() {
    for (String token : new String[] {"", ".", "abc", "abc.def", "a.b.c", "%%.%%"}) {
      assertThat(tokens.decode(token, NOW)).isEmpty();
    }
  }
}
