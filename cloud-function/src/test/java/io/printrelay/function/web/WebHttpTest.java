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

/** What a browser loads without signing in: the page, its two assets, the OpenAPI document. */
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
  void theScriptAndStyleAreServedWithTheirTypes() {
    Reply script = api.send(HttpRequest.GET("/assets/app.js"));
    Reply style = api.send(HttpRequest.GET("/assets/app.css"));

    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.body().getStringValue()).contains("X-CSRF-Token");
    assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(style.header("Content-Type")).startsWith("text/css");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/assets/index.html",
        "/assets/..%2Fapplication.yml",
        "/assets/%2e%2e%2f%2e%2e%2fMETA-INF%2Fswagger%2Fprintrelay.yml",
        "/assets/app.js%00.css"
      })
  void nothingButTheTwoAssetsIsServedUnderAssets(String path) {
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
