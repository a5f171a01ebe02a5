package io.printrelay.function.logging;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.uri.UriMatchInfo;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.UriRouteMatch;
import io.printrelay.function.session.SessionAuthenticationFetcher;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request that changes something (POST, PUT, PATCH, DELETE): method, route
 * template, status, milliseconds and who called (an API key's name or an operator's user name),
 * with the job and printer the path or the answer names in the MDC ({@link LogContext}). Reads are
 * not logged: the web view polls them.
 *
 * <p>The route template, never the path: {@code /v1/intake/odoo/{token}} carries a secret in its
 * path, and query strings are not logged at all. The job and printer the path names are also in the
 * MDC while the request's own code runs, wherever it runs: on Lambda the invoking thread, on Netty
 * the blocking pool {@code @ExecuteOn} moves it to, through Micronaut's propagated context.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLog implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
  private static final Set<HttpMethod> CHANGES =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
  private static final String STARTED = "printrelay.request-started";

  /** Early, so that the time includes every other filter (security's among them). */
  @Override
  public int getOrder() {
    return ServerFilterPhase.METRICS.order();
  }

  @RequestFilter
  public void start(HttpRequest<?> request, MutablePropagatedContext context) {
    if (!CHANGES.contains(request.getMethod())) {
      return;
    }
    request.setAttribute(STARTED, System.nanoTime());
    Map<String, Object> path = pathVariables(request);
    if (!path.containsKey(LogContext.JOB_ID) && !path.containsKey(LogContext.PRINTER_ID)) {
      return;
    }
    context.add(
        new PropagatedLogContext(
            text(path.get(LogContext.JOB_ID)).orElse(null),
            text(path.get(LogContext.PRINTER_ID)).orElse(null)));
  }

  @ResponseFilter
  public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Optional<Long> started = request.getAttribute(STARTED, Long.class);
    if (started.isEmpty()) {
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started.get());
    Map<String, Object> path = pathVariables(request);
    Optional<LoggedJob> answer =
        response.getBody().filter(LoggedJob.class::isInstance).map(LoggedJob.class::cast);
    String jobId =
        text(path.get(LogContext.JOB_ID)).or(() -> answer.map(LoggedJob::jobId)).orElse(null);
    String printerId =
        text(path.get(LogContext.PRINTER_ID))
            .or(() -> answer.map(LoggedJob::printerId))
            .orElse(null);
    String route = route(request);
    String caller = caller(request);
    LogContext.forJob(
        jobId,
        printerId,
        () -> {
          LOG.info(
              "{} {} {} {} ms by {}",
              request.getMethodName(),
              route,
              response.code(),
              millis,
              caller);
          return null;
        });
  }

  /** The template the request matched; no route, no path either (it may hold a secret). */
  static String route(HttpRequest<?> request) {
    return BasicHttpAttributes.getUriTemplate(request)
        .or(
            () ->
                BasicHttpAttributes.getRouteMatchInfo(request)
                    .filter(UriRouteMatch.class::isInstance)
                    .map(
                        match ->
                            ((UriRouteMatch<?, ?>) match)
                                .getRouteInfo()
                                .getUriMatchTemplate()
                                .toString()))
        .orElse("(no route)");
  }

  /** "api-key NAME", "operator NAME" (signed in), or "anonymous": never a key or a token. */
  static String caller(HttpRequest<?> request) {
    return request
        .getUserPrincipal(Authentication.class)
        .map(
            caller ->
                (SessionAuthenticationFetcher.VIA_SESSION.equals(
                            caller.getAttributes().get(SessionAuthenticationFetcher.VIA))
                        ? "operator "
                        : "api-key ")
                    + caller.getName())
        .orElse("anonymous");
  }

  private static Map<String, Object> pathVariables(HttpRequest<?> request) {
    return BasicHttpAttributes.getRouteMatchInfo(request)
        .map(UriMatchInfo::getVariableValues)
        .orElse(Map.of());
  }

  private static Optional<String> text(Object value) {
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }
}
