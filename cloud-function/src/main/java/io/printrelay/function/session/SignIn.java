package io.printrelay.function.session;

import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.problem.SignInRefused;
import io.printrelay.function.security.Operator;
import io.printrelay.function.security.OperatorAccounts;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Checks a user name and password and opens a session for them. */
@Singleton
public class SignIn {
  private static final int MAX_FIELD = 1024;

  private final OperatorAccounts accounts;
  private final SessionTokens tokens;
  private final Clock clock;

  public SignIn(OperatorAccounts accounts, SessionTokens tokens, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * The session and its signed token; 401 for a wrong user name or password. Whether sessions can
   * be signed at all (503) is settled before the password is looked at: answering 503 to the right
   * password and 401 to a wrong one would confirm a guess.
   */
  public SignedIn signIn(Credentials credentials) {
    List<FieldError> errors = new ArrayList<>();
    String username = field(credentials.username(), "username", errors);
    String password = field(credentials.password(), "password", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    tokens.requireSigningKey();
    Operator operator = accounts.signIn(username, password).orElseThrow(SignInRefused::new);
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
