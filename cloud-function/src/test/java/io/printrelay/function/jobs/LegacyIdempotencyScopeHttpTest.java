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
import io.printrelay.model.Priority;
import io.printrelay.table.IdempotencyItems;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Claims made before Idempotency-Keys were scoped by the API key's SHA-256 sit under the key's name
 * (docs/api.md#idempotency): a retry of a request answered then gets that job for the claim's 48 h,
 * on DynamoDB Local, but never a claim another name could have written.
 */
class LegacyIdempotencyScopeHttpTest {
  private static final String FIRST = "first-secret";
  private static final String SECOND = "second-secret";
  private static final Duration KEPT = Duration.ofHours(48);

  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();

  @Test
  void aRetryOfARequestAnsweredBeforeHashScopesGetsThatJob() {
    Job earlier = storeJobCreatedAgo(Duration.ofHours(47));
    claimAsBefore("odoo", "order-1", earlier);
    long jobs = sandbox.countItems("job");

    Reply retry =
        withApi(
            named(List.of(Map.of("name", "odoo", "secret", FIRST))),
            api -> submit(api, FIRST, "order-1"));

    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.text("jobId")).isEqualTo(earlier.jobId());
    assertThat(sandbox.countItems("job")).isEqualTo(jobs);
    assertThat(sandbox.drain(Priority.HIGH)).isEmpty();
  }

  @Test
  void aBareHashKeysEarlierClaimsAreUnderTheNameOfItsPlace() {
    Job earlier = storeJobCreatedAgo(Duration.ofMinutes(5));
    claimAsBefore("key-2", "order-2", earlier);

    Reply retry = withApi(bareHashes(FIRST, SECOND), api -> submit(api, SECOND, "order-2"));

    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.text("jobId")).isEqualTo(earlier.jobId());
  }

  @Test
  void aClaimUnderTheNameOlderThan48HoursCountsAsGone() {
    // DynamoDB's TTL deletes expired items within days, not at once.
    Job earlier = storeJobCreatedAgo(Duration.ofHours(49));
    claimAsBefore("odoo", "order-3", earlier);

    Reply later =
        withApi(
            named(List.of(Map.of("name", "odoo", "secret", FIRST))),
            api -> submit(api, FIRST, "order-3"));

    assertThat(later.status()).isEqualTo(201);
    assertThat(later.text("jobId")).isNotEqualTo(earlier.jobId());
  }

  @Test
  void theClaimUnderTheKeysHashComesFirst() {
    Map<String, Object> keys = named(List.of(Map.of("name", "odoo", "secret", FIRST)));
    String current = withApi(keys, api -> submit(api, FIRST, "order-4").text("jobId"));
    claimAsBefore("odoo", "order-4", storeJobCreatedAgo(Duration.ofHours(1)));

    Reply retry = withApi(keys, api -> submit(api, FIRST, "order-4"));

    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.text("jobId")).isEqualTo(current);
  }

  @Test
  void noNameReadsAClaimAnotherNameOrAResumeCouldHaveWritten() {
    // "odoo#x" + "k" and "odoo" + "x#k" spell the same item; "job-resume" was the resumes' scope.
    claimAsBefore("odoo#x", "k", storeJobCreatedAgo(Duration.ofHours(1)));
    Job parent = sandbox.store(aJob().on("line-1").status(JobStatus.CANCELLED).labels(2));
    Job resumed = storeJobCreatedAgo(Duration.ofHours(1));
    claimAsBefore("job-resume", parent.jobId(), resumed);
    Map<String, Object> keys =
        named(
            List.of(
                Map.of("name", "odoo", "secret", FIRST),
                Map.of("name", "odoo#x", "secret", SECOND),
                Map.of("name", "job-resume", "secret", "third-secret")));

    withApi(
        keys,
        api -> {
          assertThat(submit(api, FIRST, "x#k").status()).isEqualTo(201);
          assertThat(submit(api, SECOND, "k").status()).isEqualTo(201);
          Reply named = submit(api, "third-secret", parent.jobId());
          assertThat(named.status()).isEqualTo(201);
          assertThat(named.text("jobId")).isNotEqualTo(resumed.jobId());
          return null;
        });
  }

  private Job storeJobCreatedAgo(Duration age) {
    Instant createdAt = Instant.now().minus(age).truncatedTo(ChronoUnit.MILLIS);
    return sandbox.store(aJob().on("line-1").labels(1).createdAt(createdAt));
  }

  // The claim as the version before hash scopes wrote it: scoped by the key's name, no request
  // hash, kept 48 h from the job's creation.
  private void claimAsBefore(String name, String idempotencyKey, Job job) {
    sandbox
        .dynamoDb()
        .putItem(
            b ->
                b.tableName(sandbox.table())
                    .item(
                        IdempotencyItems.claim(
                            name,
                            idempotencyKey,
                            job.jobId(),
                            job.createdAt(),
                            job.createdAt().plus(KEPT))));
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
                        ApiKeyRegistry.sha256Hex((String) key.get("secret"))))
            .toList());
  }
}
