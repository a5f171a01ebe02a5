package io.printrelay.function.lambda;

import static io.printrelay.function.lambda.ApiGatewayEvents.body;
import static io.printrelay.function.lambda.ApiGatewayEvents.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Odoo's webhook through API Gateway's payload 2.0, as the Lambda receives it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OdooWebhookOnLambdaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();
  private ApiGatewayHandler function;

  @BeforeAll
  void startFunction() {
    sandbox.registerPrinter("line-1");
    function =
        new ApiGatewayHandler(
            ApplicationContext.builder().properties(sandbox.properties()).build());
  }

  @AfterAll
  void stopFunction() {
    function.close();
  }

  @Test
  void theWebhookOfAProfilesTokenMakesItsJobAndAnUnknownTokenIsABare404() throws Exception {
    APIGatewayV2HTTPResponse created = handle("create-intake-profile.json", Map.of());
    assertThat(created.getStatusCode()).as(body(created)).isEqualTo(201);
    String token = JSON.readTree(body(created)).get("token").asText();

    APIGatewayV2HTTPResponse accepted = handle("odoo-webhook.json", Map.of("TOKEN", token));
    APIGatewayV2HTTPResponse unknown = handle("odoo-webhook.json", Map.of("TOKEN", "B".repeat(43)));

    assertThat(accepted.getStatusCode()).as(body(accepted)).isEqualTo(202);
    JsonNode event = JSON.readTree(body(accepted));
    assertThat(event.get("status").asText()).isEqualTo("submitted");
    String jobId = event.get("jobIds").get(0).asText();
    assertThat(sandbox.job(jobId).total()).isEqualTo(2);
    assertThat(sandbox.job(jobId).reference()).isEqualTo("mrp.production/17");
    assertThat(unknown.getStatusCode()).isEqualTo(404);
    assertThat(body(unknown)).isEmpty();
  }

  private APIGatewayV2HTTPResponse handle(String event, Map<String, String> tokens) {
    return function.handleRequest(load(event, tokens), new MockLambdaContext());
  }
}
