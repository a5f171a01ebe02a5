package io.printrelay.function.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.printrelay.function.problem.NotFound;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;

/**
 * {@code GET /openapi.yml}: the OpenAPI document that micronaut-openapi writes from the controllers
 * at compile time ({@code META-INF/swagger/printrelay.yml}, named in {@code openapi.properties}),
 * at a path that does not change with the API's version.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class ApiDocsController {
  static final String DOCUMENT = "/META-INF/swagger/printrelay.yml";

  private final Optional<byte[]> document = Resources.read(DOCUMENT);

  @Get("/openapi.yml")
  public HttpResponse<byte[]> openApi() {
    byte[] yaml = document.orElseThrow(() -> new NotFound("document", "openapi.yml"));
    return HttpResponse.ok(yaml)
        .contentType("application/yaml;charset=utf-8")
        .header(HttpHeaders.CACHE_CONTROL, "no-cache");
  }
}
