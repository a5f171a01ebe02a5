package io.printrelay.function.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.printrelay.function.problem.NotFound;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/**
 * {@code GET /assets/{file}}: the web view's scripts and style, and nothing else. The name is
 * looked up in a fixed list, never joined to a path, so no name reaches another file. {@code
 * no-cache}: the browser keeps them but asks again each time, as their names carry no version.
 */
@Controller("/assets")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class AssetsController {
  private record Asset(String contentType, byte[] bytes) {}

  private final Map<String, Asset> assets =
      Map.of(
          "app.js", load("app.js", "text/javascript;charset=utf-8"),
          "profiles.js", load("profiles.js", "text/javascript;charset=utf-8"),
          "app.css", load("app.css", "text/css;charset=utf-8"));

  @Get("/{file}")
  public HttpResponse<byte[]> asset(@PathVariable String file) {
    Asset asset = assets.get(file);
    if (asset == null) {
      throw new NotFound("asset", file);
    }
    return HttpResponse.ok(asset.bytes())
        .contentType(asset.contentType())
        .header(HttpHeaders.CACHE_CONTROL, "no-cache");
  }

  private static Asset load(String name, String contentType) {
    return new Asset(
        contentType,
        Resources.read("/public/" + name)
            .orElseThrow(() -> new IllegalStateException("public/" + name + " is not packaged")));
  }
}
