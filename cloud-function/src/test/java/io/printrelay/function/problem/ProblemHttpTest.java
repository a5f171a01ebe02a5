package io.printrelay.function.problem;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Micronaut's own errors, and the public routes, over HTTP. */
@MicronautTest
class ProblemHttpTest extends ApiTestBase {
  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    properties.put("probe.enabled", "true");
    return properties;
  }

  @Test
  void anUnknownRouteIs404WithOrWithoutAKey() {
    assertProblem(api.get("/v1/nothing-here"), 404);
    assertProblem(api.send(HttpRequest.GET("/nothing-here")), 404);
  }

  @Test
  void aWrongMethodIs405() {
    assertProblem(api.send(ApiClient.withKey(HttpRequest.DELETE("/v1/jobs"))), 405);
  }

  @Test
  void aBodyMicronautCannotReadIs400() {
    Reply reply =
        api.send(
            HttpRequest.POST("/probe/typed", "{\"count\": ")
                .contentType(MediaType.APPLICATION_JSON));

    assertProblem(reply, 400);
  }

  @Test
  void aSubmitWithoutContentTypeIs415() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/jobs"))
                    .header("Authorization", "Bearer test-integration-key")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void anUnexpectedFailureIs500WithoutItsInternals() {
    Reply reply = api.send(HttpRequest.GET("/probe/crash"));

    assertProblem(reply, 500);
    assertThat(reply.text("detail")).doesNotContain("secret", "prod-jobs");
  }

  @Test
  void aForbiddenStatusMoveIs409() {
    Reply reply = api.send(HttpRequest.GET("/probe/illegal-move"));

    assertProblem(reply, 409);
    assertThat(reply.text("detail")).isEqualTo("a completed job cannot become queued");
  }

  @Test
  void healthIsPublicAndUp() {
    Reply reply = api.send(HttpRequest.GET("/health"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("status")).isEqualTo("up");
  }

  @Test
  void theHomePageIsPublic() {
    Reply reply = api.send(HttpRequest.GET("/").accept(MediaType.TEXT_HTML));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/html");
  }
}
