package io.printrelay.function.session;

import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.problem.SignInRefused;
import io.printrelay.function.security.Operator;
import io.printrelay.function.security.OperatorAccounts;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a user name and password and opens a session for them. In this order, so that no answer
 * tells more than it must: the fields (422), whether sessions can be signed at all (503), whether
 * the name or the address must wait after too many failures (429, see {@link SignInThrottle}), and
 * only then the password (401).
 */
@Singleton
public class SignIn {
  private static final int MAX_FIELD = 1024;

  private final OperatorAccounts accounts;
  private final SessionTokens tokens;
  private final SignInThrottle throttle;
  private final Clock clock;

  public SignIn(
      OperatorAccounts accounts, SessionTokens tokens, SignInThrottle throttle, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * The session and its signed token; 401 for a wrong user name or password. Whether sessions can
   * be signed at all (503) is settled before the password is looked at: answering 503 to the right
   * password and 401 to a wrong one would confirm a guess.
   */
  public SignedIn signIn(Credentials credentials, Optional<InetAddress> source) {
    List<FieldError> errors = new ArrayList<>();
    String username = field(credentials.username(), "username", errors);
    String password = field(credentials.password(), "password", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    tokens.requireSigningKey();
    SignInThrottle.Attempt attempt = throttle.begin(username, source);
    Operator operator = accounts.signIn(username, password).orElseThrow(SignInRefused::new);
    attempt.succeeded();
    String credential = accounts.credential(operator.username()).orElseThrow(SignInRefused::new);
    Session session = tokens.open(operator, credential, clock.instant());
    return new SignedIn(session, tokens.encode(session));
  }

  /** A session just opened, with the token for its cookie. */
  public record SignedIn(Session session, String token) {}

  private static String field(JsonNode value, String name, List<FieldError> errors) {
    if (value == null
        || !value.isString()
        || value.getStringValue().isEmpty()
        || value.getStringValue().length() > MAX_FIELD) {
      errors.add(new FieldError(name, "must be a non-empty string"));
      return null;
    }
    return value.getStringValue();
  }
}
