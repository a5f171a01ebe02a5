package io.printrelay.function.session;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.printrelay.function.security.OperatorAccounts;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Authenticates the session cookie. Runs after the bearer-key fetcher: a request with a valid key
 * is the key's, whatever cookies it carries. The account must still exist with the same role, so
 * removing an operator or changing a role from configuration ends their sessions.
 */
@Singleton
public class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
  /** Authentication attribute naming how the caller was authenticated. */
  public static final String VIA = "printrelay.via";

  public static final String VIA_SESSION = "session";

  /** Authentication attribute holding the session's CSRF token. */
  static final String CSRF_TOKEN = "printrelay.csrf";

  private final SessionTokens tokens;
  private final OperatorAccounts accounts;
  private final Clock clock;

  public SessionAuthenticationFetcher(
      SessionTokens tokens, OperatorAccounts accounts, Clock clock) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public int getOrder() {
    return 100;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    return SessionCookies.sessionToken(request)
        .flatMap(token -> tokens.decode(token, clock.instant()))
        .flatMap(this::stillValid)
        .map(Publishers::just)
        .orElseGet(Publishers::empty);
  }

  private Optional<Authentication> stillValid(Session session) {
    return accounts
        .find(session.username())
        .filter(operator -> operator.role().equals(session.role()))
        .map(
            operator ->
                Authentication.build(
                    operator.username(),
                    List.of(operator.role()),
                    Map.of(VIA, VIA_SESSION, CSRF_TOKEN, session.csrfToken())));
  }
}
