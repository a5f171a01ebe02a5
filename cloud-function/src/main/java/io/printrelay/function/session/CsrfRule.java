package io.printrelay.function.session;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.IpPatternsRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * Refuses (403) a change made by a browser session without its CSRF token in {@code X-CSRF-Token}.
 * Runs before every other rule, so a refused request reaches no controller and changes nothing.
 * Bearer-key requests need no token: a cross-site page cannot make a browser add that header.
 * Signing in needs none either: it creates the session the token belongs to.
 */
@Singleton
public class CsrfRule implements SecurityRule<HttpRequest<?>> {
  /** Request attribute set on a refusal, so that the 403 can say what is missing. */
  public static final String REFUSED = "printrelay.csrf.refused";

  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
  private static final Set<String> EXEMPT = Set.of(SessionController.LOGIN);

  @Override
  public int getOrder() {
    return IpPatternsRule.ORDER - 100;
  }

  @Override
  public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication caller) {
    if (caller == null
        || !SessionAuthenticationFetcher.VIA_SESSION.equals(
            caller.getAttributes().get(SessionAuthenticationFetcher.VIA))
        || SAFE.contains(request.getMethod())
        || EXEMPT.contains(request.getPath())
        || presentsToken(request, caller)) {
      return Publishers.just(SecurityRuleResult.UNKNOWN);
    }
    request.setAttribute(REFUSED, true);
    return Publishers.just(SecurityRuleResult.REJECTED);
  }

  private static boolean presentsToken(HttpRequest<?> request, Authentication caller) {
    String presented = request.getHeaders().get(SessionCookies.CSRF_HEADER);
    Object expected = caller.getAttributes().get(SessionAuthenticationFetcher.CSRF_TOKEN);
    return presented != null
        && expected instanceof String token
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
