package io.printrelay.function.session;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.printrelay.function.problem.ProblemResponses;
import io.printrelay.function.security.BearerApiKeyFetcher;
import jakarta.inject.Singleton;

/**
 * 401 and 403 as problems. A 401 carries the bearer challenge (RFC 6750 §3), with {@code
 * error="invalid_token"} when a key was presented but is not known. A 403 says whether the role may
 * not do it or a browser session left out its CSRF token.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationProblemHandler
    implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
  private static final String REALM = "Bearer realm=\"printrelay\"";

  private final ProblemResponses problems;

  public AuthorizationProblemHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  @SuppressWarnings("rawtypes") // ExceptionHandler.handle declares a raw HttpRequest
  public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
    if (exception.isForbidden()) {
      return problems.respond(request, HttpStatus.FORBIDDEN, forbidden(request, exception));
    }
    boolean presented = BearerApiKeyFetcher.presentedKey(request).isPresent();
    String detail =
        presented
            ? "The API key is not known."
            : "Sign in, or send an API key: Authorization: Bearer <key>.";
    String challenge = presented ? REALM + ", error=\"invalid_token\"" : REALM;
    return problems
        .respond(request, HttpStatus.UNAUTHORIZED, detail)
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge);
  }

  private static String forbidden(HttpRequest<?> request, AuthorizationException exception) {
    if (request.getAttribute(CsrfRule.REFUSED).isPresent()) {
      return "Missing or wrong X-CSRF-Token header: send the value of the printrelay_csrf"
          + " cookie with every change.";
    }
    Authentication caller = exception.getAuthentication();
    boolean session =
        caller != null
            && SessionAuthenticationFetcher.VIA_SESSION.equals(
                caller.getAttributes().get(SessionAuthenticationFetcher.VIA));
    String who = session ? "This account" : "This API key";
    String roles = caller == null ? "" : " (" + String.join(", ", caller.getRoles()) + ")";
    return who + roles + " is not allowed to do that.";
  }
}
