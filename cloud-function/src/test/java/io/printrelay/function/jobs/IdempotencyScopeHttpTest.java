package io.printrelay.function.jobs;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.printrelay.function.security.ApiKeyRegistry;
import io.printrelay.function.testing.ApiClient;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.function.testing.Requests;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Keys belong to the API key that sent them, whatever it is called
 * (docs/api.md#idempotency): a key's claims follow its secret, not its configured name or place, so
 * renaming or removing keys hands no claim to another key, and no name collides with another key's
 * claims or the function's own.
 */
class IdempotencyScopeHttpTest {
  private static final String FIRST = "first-secret";
  private static final String SECOND = "second-secret";

  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();

  @Test
  void removingAKeyHandsItsClaimsToNoOtherKey() {
    String earlier =
        withApi(bareHashes(FIRST, SECOND), api -> submit(api, FIRST, "order-1").text("jobId"));

    // SECOND was key-2 and is key-1 now, as FIRST was.
    Reply later = withApi(bareHashes(SECOND), api -> submit(api, SECOND, "order-1"));

    assertThat(later.status()).isEqualTo(201);
    assertThat(later.text("jobId")).isNotEqualTo(earlier);
  }

  @Test
  void aKeyKeepsItsClaimsWhenItsPlaceChanges() {
    String earlier =
        withApi(bareHashes(FIRST, SECOND), api -> submit(api, SECOND, "order-2").text("jobId"));

    Reply later = withApi(bareHashes(SECOND), api -> submit(api, SECOND, "order-2"));

    assertThat(later.status()).isEqualTo(200);
    assertThat(later.text("jobId")).isEqualTo(earlier);
  }

  @Test
  void keyNamesWithAHashOrAnInternalScopeCollideWithNothing() {
    sandbox.registerPrinter("line-1");
    Job parent = sandbox.store(aJob().on("line-1").status(JobStatus.CANCELLED).labels(2));
    Map<String, Object> properties =
        named(
            List.of(
                Map.of("name", "odoo", "secret", FIRST),
                Map.of("name", "odoo#x", "secret", SECOND),
                Map.of("name", "job-resume", "secret", "third-secret"),
                Map.of("name", "lead", "secret", "lead-secret", "roles", List.of("operator"))));

    withApi(
        properties,
        api -> {
          String hashed = submit(api, SECOND, "k").text("jobId");
          Reply other = submit(api, FIRST, "x#k");
          assertThat(other.status()).isEqualTo(201);
          assertThat(other.text("jobId")).isNotEqualTo(hashed);

          Reply resumed =
              api.send(
                  HttpRequest.POST("/v1/jobs/" + parent.jobId() + "/resume", new byte[0])
                      .bearerAuth("lead-secret"));
          assertThat(resumed.status()).isEqualTo(201);
          Reply named = submit(api, "third-secret", parent.jobId());
          assertThat(named.status()).isEqualTo(201);
          assertThat(named.text("jobId")).isNotEqualTo(resumed.text("jobId"));
          return null;
        });
  }

  private Reply submit(ApiClient api, String secret, String idempotencyKey) {
    return api.send(
        HttpRequest.POST("/v1/jobs", Requests.zplLabels("line-1", 1))
            .contentType(MediaType.APPLICATION_JSON)
            .header("Idempotency-Key", idempotencyKey)
            .bearerAuth(secret));
  }

  private <T> T withApi(Map<String, Object> keys, Function<ApiClient, T> calls) {
    sandbox.registerPrinter("line-1");
    Map<String, Object> properties = sandbox.properties();
    properties.remove("printrelay.api-keys");
    properties.putAll(keys);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        HttpClient http = HttpClient.create(server.getURL())) {
      return calls.apply(
          new ApiClient(
              http.toBlocking(), server.getApplicationContext().getBean(JsonMapper.class)));
    }
  }

  private static Map<String, Object> bareHashes(String... secrets) {
    return Map.of(
        "printrelay.api-keys-sha256",
        String.join(",", List.of(secrets).stream().map(ApiKeyRegistry::sha256Hex).toList()));
  }

  private static Map<String, Object> named(List<Map<String, Object>> keys) {
    return Map.of(
        "printrelay.api-keys",
        keys.stream()
            .map(
                key ->
                    Map.<String, Object>of(
                        "name",
                        key.get("name"),
                        "sha256",
                        ApiKeyRegistry.sha256Hex((String) key.get("secret")),
                        "roles",
                        key.getOrDefault("roles", List.of("integration"))))
            .toList());
  }
}
