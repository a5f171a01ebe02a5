package io.printrelay.function.session;

import io.micronaut.context.env.Environment;
import io.printrelay.function.config.SessionSettings;
import io.printrelay.function.problem.Unavailable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs sessions: {@code printrelay.session.secret}, or else a random key for this
 * process, which is fine for `printrelay local` and the tests (a restart signs operators out).
 *
 * <p>Not on Lambda: each cold start would pick another key and sessions would break at random.
 * There a missing secret refuses sign-in (503, logged), and the rest of the API goes on working. It
 * is looked up on first use, not at start, so that the dispatch-sweep function, which shares this
 * code but serves no sessions, needs no secret.
 */
@Singleton
public class SessionKey {
  private static final Logger LOG = LoggerFactory.getLogger(SessionKey.class);
  static final String LAMBDA_ENVIRONMENT = "lambda";

  private final SessionSettings settings;
  private final boolean onLambda;
  private volatile byte[] key;

  public SessionKey(SessionSettings settings, Environment environment) {
    this.settings = settings;
    this.onLambda = environment.getActiveNames().contains(LAMBDA_ENVIRONMENT);
  }

  /** The key, or empty on Lambda without a configured secret. */
  Optional<byte[]> key() {
    byte[] known = key;
    if (known == null) {
      known = resolve();
      key = known;
    }
    return known.length == 0 ? Optional.empty() : Optional.of(known);
  }

  /** The key, or a 503 saying how to configure it. */
  byte[] required() {
    return key()
        .orElseThrow(
            () ->
                new Unavailable(
                    "Operator sign-in is not configured: the function needs PRINTRELAY_SESSION_SECRET."));
  }

  private synchronized byte[] resolve() {
    if (settings.secret() != null) {
      return settings.secret().getBytes(StandardCharsets.UTF_8);
    }
    if (onLambda) {
      LOG.error(
          "printrelay.session.secret (PRINTRELAY_SESSION_SECRET) is not set: operator"
              + " sign-in is refused; set it to 32 or more random characters");
      return new byte[0];
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }
}
