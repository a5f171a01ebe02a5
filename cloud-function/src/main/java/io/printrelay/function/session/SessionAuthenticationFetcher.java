package io.printrelay.function.session;

import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.printrelay.function.security.OperatorAccounts;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Authenticates the session cookie. Runs after the bearer-key fetcher: a request with a valid key
 * is the key's, whatever cookies it carries. A signed, unexpired session still ends early when:
 *
 * <ul>
 *   <li>its account is removed or its role changed in configuration;
 *   <li>its account's password hash changed (the session carries the hash's fingerprint);
 *   <li>its account signed out everywhere after the session was opened ({@link SessionRevocations}:
 *       one strongly consistent read of a small item per request, not cached, so the sign-out holds
 *       on every Lambda instance at once).
 * </ul>
 *
 * The read runs on the blocking pool, never on a Netty event loop.
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
  private final SessionRevocations revocations;
  private final ExecutorService blocking;
  private final Clock clock;

  public SessionAuthenticationFetcher(
      SessionTokens tokens,
      OperatorAccounts accounts,
      SessionRevocations revocations,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
      Clock clock) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.revocations = revocations;
    this.blocking = blocking;
    this.clock = clock;
  }

  @Override
  public int getOrder() {
    return 100;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    Optional<Session> session =
        SessionCookies.sessionToken(request)
            .flatMap(token -> tokens.decode(token, clock.instant()))
            .filter(this::accountUnchanged);
    if (session.isEmpty()) {
      return Publishers.empty();
    }
    // A null result completes the publisher empty: the request stays anonymous.
    return new AsyncSingleResultPublisher<>(
        blocking, () -> notSignedOut(session.get()) ? authentication(session.get()) : null);
  }

  private boolean accountUnchanged(Session session) {
    return accounts
            .find(session.username())
            .filter(operator -> operator.role().equals(session.role()))
            .isPresent()
        && accounts.credential(session.username()).orElse("").equals(session.credential());
  }

  private boolean notSignedOut(Session session) {
    return revocations
        .validAfter(session.username())
        .map(cutOff -> !session.issuedAt().isBefore(cutOff))
        .orElse(true);
  }

  private static Authentication authentication(Session session) {
    return Authentication.build(
        session.username(),
        List.of(session.role()),
        Map.of(VIA, VIA_SESSION, CSRF_TOKEN, session.csrfToken()));
  }
}
