package io.printrelay.function.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.printrelay.function.http.Https;
import org.reactivestreams.Publisher;

/**
 * Headers on every answer, API and page alike: browsers must take each body as the type it is
 * declared (no sniffing a JSON error into script), and send no referrer to other sites. Over HTTPS,
 * HSTS: for a year the browser goes to this host over HTTPS only, so no one on the commissary's
 * network can downgrade a later visit and read the session cookie (RFC 6797). Only over HTTPS,
 * where it means something; the local server is plain HTTP.
 *
 * <p>An around filter, not a {@code @ResponseFilter} method: Micronaut (4.10) skips response filter
 * methods for the 401 and 403 the security filter answers, and those need the headers too.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements HttpServerFilter {
  /** One year, the figure HSTS preload lists ask for (at least the 180 days of RFC 6797 §11.2). */
  static final String HSTS = "max-age=31536000";

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    boolean https = Https.requested(request);
    return Publishers.map(
        chain.proceed(request),
        response -> {
          response.header("X-Content-Type-Options", "nosniff");
          response.header("Referrer-Policy", "no-referrer");
          if (https) {
            response.header("Strict-Transport-Security", HSTS);
          }
          return response;
        });
  }
}
