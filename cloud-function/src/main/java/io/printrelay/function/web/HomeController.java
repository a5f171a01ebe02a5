package io.printrelay.function.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /}: the operator web view's page, {@code public/index.html} on the classpath, or a
 * short pointer to the API while the view is not packaged. Public: the page signs people in
 * itself, through the API.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class HomeController {
  private static final String FALLBACK = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Printrelay</title></head>
      <body><h1>Printrelay</h1>
      <p>The print job API is at <code>/v1/jobs</code>; its health at <a href="/health">/health</a>.</p>
      </body></html>
      """;

  private final String page = load();

  @Get
  @Produces(MediaType.TEXT_HTML)
  public String home() {
    return page;
  }

  private static String load() {
    try (InputStream in = HomeController.class.getResourceAsStream("/public/index.html")) {
      return in == null ? FALLBACK : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
