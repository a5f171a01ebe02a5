package io.printrelay.function.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every answer, API and page alike: browsers must take each body as the type it is
 * declared (no sniffing a JSON error into script), and send no referrer to other sites.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {
  @ResponseFilter
  public void addHeaders(MutableHttpResponse<?> response) {
    response.header("X-Content-Type-Options", "nosniff");
    response.header("Referrer-Policy", "no-referrer");
  }
}
