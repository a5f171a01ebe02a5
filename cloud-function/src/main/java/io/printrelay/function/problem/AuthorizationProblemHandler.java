package io.printrelay.function.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.printrelay.function.security.BearerApiKeyFetcher;
import jakarta.inject.Singleton;

/**
 * 401 and 403 as problems. A 401 carries the bearer challenge (RFC 6750 §3), with {@code
 * error="invalid_token"} when a key was presented but is not known.
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
  public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
    if (exception.isForbidden()) {
      return problems.respond(
          request, HttpStatus.FORBIDDEN, "This API key is not allowed to do that.");
    }
    boolean presented = BearerApiKeyFetcher.presentedKey(request).isPresent();
    String detail =
        presented
            ? "The API key is not known."
            : "Send an API key: Authorization: Bearer <key>.";
    String challenge = presented ? REALM + ", error=\"invalid_token\"" : REALM;
    return problems
        .respond(request, HttpStatus.UNAUTHORIZED, detail)
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge);
  }
}
