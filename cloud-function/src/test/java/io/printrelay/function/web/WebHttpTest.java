package io.printrelay.function.web;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a browser loads without signing in: the page, its assets, the OpenAPI document. */
@MicronautTest
class WebHttpTest extends ApiTestBase {

  @Test
  void thePageIsPublicNeverCachedAndLimitedToThisOrigin() {
    Reply page = api.send(HttpRequest.GET("/"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body().getStringValue())
        .contains("<title>Printrelay</title>")
        .contains("/assets/app.js");
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void overHttpsEveryAnswerTellsTheBrowserToKeepToHttpsForAYear() {
    Reply page = api.send(HttpRequest.GET("/").header("X-Forwarded-Proto", "https"));
    Reply problem = api.send(HttpRequest.GET("/v1/jobs").header("X-Forwarded-Proto", "https"));

    for (Reply reply : new Reply[] {page, problem}) {
      String hsts = reply.header("Strict-Transport-Security");
      assertThat(hsts).as("HSTS on %s", reply.status()).startsWith("max-age=");
      assertThat(Long.parseLong(hsts.substring("max-age=".length()).split(";")[0].strip()))
          .as("at least 180 days")
          .isGreaterThanOrEqualTo(180L * 24 * 3600);
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    assertThat(problem.status()).isEqualTo(401);
  }

  @Test
  void overPlainHttpNoAnswerClaimsHttps() {
    assertThat(api.send(HttpRequest.GET("/")).header("Strict-Transport-Security")).isNull();
    assertThat(api.send(HttpRequest.GET("/v1/jobs")).header("Strict-Transport-Security")).isNull();
  }

  @Test
  void theScriptsAndStyleAreServedWithTheirTypes() {
    Reply script = api.send(HttpRequest.GET("/assets/app.js"));
    Reply style = api.send(HttpRequest.GET("/assets/app.css"));
    Reply profiles = api.send(HttpRequest.GET("/assets/profiles.js"));

    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.body().getStringValue()).contains("X-CSRF-Token");
    assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(style.header("Content-Type")).startsWith("text/css");
    assertThat(profiles.header("Content-Type")).startsWith("text/javascript");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/assets/index.html",
        "/assets/..%2Fapplication.yml",
        "/assets/%2e%2e%2f%2e%2e%2fMETA-INF%2Fswagger%2Fprintrelay.yml",
        "/assets/app.js%00.css"
      })
  void nothingButTheAssetsIsServedUnderAssets(String path) {
    assertProblem(api.send(HttpRequest.GET(path)), 404);
  }

  @Test
  void theOpenApiDocumentListsTheJobsAndTheirActions() {
    Reply document = api.send(HttpRequest.GET("/openapi.yml"));

    assertThat(document.status()).isEqualTo(200);
    assertThat(document.header("Content-Type")).startsWith("application/yaml");
    String yaml = document.body().getStringValue();
    assertThat(yaml)
        .contains(
            "title: Printrelay API",
            "/v1/jobs:",
            "/v1/jobs/{jobId}:",
            "/v1/jobs/{jobId}/pause:",
            "/v1/jobs/{jobId}/resume:",
            "/v1/jobs/{jobId}/cancel:",
            "/v1/jobs/{jobId}/reprint:",
            "/v1/jobs/{jobId}/priority:",
            "/v1/printers:",
            "/v1/printers/{printerId}/clear:",
            "/v1/me:",
            "scheme: bearer",
            "application/problem+json");
    assertThat(yaml).doesNotContain("/assets/{file}", "/openapi.yml:");
  }
}
