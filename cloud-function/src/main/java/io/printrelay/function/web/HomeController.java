package io.printrelay.function.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /}: the operator web view, {@code public/index.html}. Public: the page signs people in
 * itself, through the API. Never cached, so a deployment's page and script always match; the
 * Content-Security-Policy admits only this origin's script and style (the page has no inline script
 * to allow) and forbids framing, so no other site can overlay its buttons.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class HomeController {
  static final String POLICY =
      "default-src 'self'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'; object-src 'none'";

  private static final String FALLBACK =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Printrelay</title></head>
      <body><h1>Printrelay</h1>
      <p>The print job API is at <code>/v1/jobs</code>; its health at <a href="/health">/health</a>.</p>
      </body></html>
      """;

  private final byte[] page =
      Resources.read("/public/index.html").orElse(FALLBACK.getBytes(StandardCharsets.UTF_8));

  @Get
  @Produces(MediaType.TEXT_HTML)
  public HttpResponse<byte[]> home() {
    return HttpResponse.ok(page)
        .contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
        .header("Content-Security-Policy", POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
