package io.printrelay.function.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.function.aws.proxy.security.MicronautLambdaAuthenticationFetcher;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Authenticates {@code Authorization: Bearer <key>} against the {@link ApiKeyRegistry}; no header
 * or an unknown key leaves the request anonymous, and {@code @Secured} then answers 401.
 *
 * <p>Replaces the Lambda proxy's own fetcher, which trusts a client-supplied {@code
 * x-amzn-oidc-identity} header (meant for an ALB that sets it): behind an API Gateway HTTP API any
 * caller could send it and pass as authenticated.
 */
@Singleton
@Replaces(MicronautLambdaAuthenticationFetcher.class)
public class BearerApiKeyFetcher implements AuthenticationFetcher<HttpRequest<?>> {
  private static final String SCHEME = "Bearer ";

  private final ApiKeyRegistry registry;

  public BearerApiKeyFetcher(ApiKeyRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    return presentedKey(request)
        .flatMap(registry::match)
        .map(
            key ->
                Publishers.just(
                    Authentication.build(
                        key.name(),
                        key.roles(),
                        Submitter.attributes(key, registry.legacyScope(key)))))
        .orElseGet(Publishers::empty);
  }

  /** The key after "Bearer " (scheme case-insensitive, RFC 9110 §11.1), if there is one. */
  public static Optional<String> presentedKey(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String key = header.substring(SCHEME.length()).strip();
    return key.isEmpty() ? Optional.empty() : Optional.of(key);
  }
}
