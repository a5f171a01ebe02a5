package io.printrelay.function.lambda;

import static io.printrelay.function.lambda.ApiGatewayEvents.body;
import static io.printrelay.function.lambda.ApiGatewayEvents.header;
import static io.printrelay.function.lambda.ApiGatewayEvents.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessages;
import io.printrelay.table.ItemKeys;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The handler AWS Lambda runs ({@code APIGatewayV2HTTPEventFunction}, as configured in infra),
 * fed real API Gateway HTTP API payload 2.0 events: the same controllers, security and problems
 * as on Netty, without a server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayFunctionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();
  private APIGatewayV2HTTPEventFunction function;

  @BeforeAll
  void startFunction() {
    sandbox.registerPrinter("line-1");
    function = new APIGatewayV2HTTPEventFunction(
        ApplicationContext.builder().properties(sandbox.properties()).build());
  }

  @AfterAll
  void stopFunction() {
    function.close();
  }

  @Test
  void aBase64EncodedSubmitIsStoredAndQueuedAndCanBeReadBack() throws Exception {
    APIGatewayV2HTTPResponse created = handle(load("post-job.json"));

    assertThat(created.getStatusCode()).isEqualTo(201);
    JsonNode job = JSON.readTree(body(created));
    String jobId = job.get("jobId").asText();
    assertThat(header(created, "Location")).isEqualTo("/v1/jobs/" + jobId);
    assertThat(job.get("reference").asText()).isEqualTo("SO/0042");
    assertThat(job.get("total").asInt()).isEqualTo(2);
    assertThat(sandbox.dynamoDb().getItem(b -> b.tableName(sandbox.table())
        .key(ItemKeys.label(jobId, 2))).item()).containsKey("content");
    assertThat(sandbox.drain(Priority.HIGH)).extracting(m -> JobMessages.parse(m.body()).jobId())
        .containsExactly(jobId);

    APIGatewayV2HTTPResponse again = handle(load("post-job.json"));
    assertThat(again.getStatusCode()).as("same Idempotency-Key").isEqualTo(200);
    assertThat(JSON.readTree(body(again)).get("jobId").asText()).isEqualTo(jobId);

    APIGatewayV2HTTPResponse read = handle(load("get-job.json", Map.of("JOB_ID", jobId)));
    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(body(read)).get("status").asText()).isEqualTo("queued");

    APIGatewayV2HTTPResponse list = handle(load("list-jobs.json"));
    assertThat(list.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(body(list)).get("jobs").get(0).get("jobId").asText()).isEqualTo(jobId);
  }

  @Test
  void invalidValuesAre422WithEveryField() throws Exception {
    APIGatewayV2HTTPResponse response = handle(load("post-job-invalid.json"));

    assertProblem(response, 422);
    JsonNode errors = JSON.readTree(body(response)).get("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly("priority", "labels[0].raw");
  }

  @Test
  void aBodyOver5MiBIs413EvenWithoutNettysLimit() {
    APIGatewayV2HTTPEvent event = load("post-job-invalid.json");
    event.setBody(Base64.getEncoder().encodeToString(new byte[5 * 1024 * 1024 + 1]));
    event.setIsBase64Encoded(true);
    event.getHeaders().put("content-length", Integer.toString(5 * 1024 * 1024 + 1));
    long jobsBefore = sandbox.countItems("job");

    assertProblem(handle(event), 413);
    assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore);
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    assertProblem(handle(load("post-job-text-plain.json")), 415);
  }

  @Test
  void noKeyIs401WithABearerChallenge() {
    APIGatewayV2HTTPResponse response = handle(load("list-jobs-without-key.json"));

    assertProblem(response, 401);
    assertThat(header(response, "WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aForgedOidcIdentityHeaderAuthenticatesNobody() {
    assertProblem(handle(load("list-jobs-with-forged-oidc-identity.json")), 401);
  }

  @Test
  void healthIsPublic() throws Exception {
    APIGatewayV2HTTPResponse response = handle(load("health.json"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(body(response)).get("status").asText()).isEqualTo("up");
  }

  private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    return function.handleRequest(event, new MockLambdaContext());
  }

  private static void assertProblem(APIGatewayV2HTTPResponse response, int status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
    try {
      JsonNode problem = JSON.readTree(body(response));
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("title").asText()).isNotBlank();
      assertThat(problem.get("detail").asText()).isNotBlank();
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body(response), e);
    }
  }
}
