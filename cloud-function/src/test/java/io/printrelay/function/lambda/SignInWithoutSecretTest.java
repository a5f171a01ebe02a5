package io.printrelay.function.lambda;

import static io.printrelay.function.lambda.ApiGatewayEvents.body;
import static io.printrelay.function.lambda.ApiGatewayEvents.load;
import static io.printrelay.function.testing.EmbeddedSandbox.OPERATOR;
import static io.printrelay.function.testing.EmbeddedSandbox.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On Lambda without {@code PRINTRELAY_SESSION_SECRET} no sign-in can succeed, and the answer must
 * not depend on the password: a 503 for the right one and a 401 for a wrong one would confirm
 * guesses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInWithoutSecretTest {
  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();
  private ApiGatewayHandler function;

  @BeforeAll
  void startFunction() {
    function =
        new ApiGatewayHandler(
            ApplicationContext.builder()
                .environments("lambda")
                .properties(sandbox.properties())
                .build());
  }

  @AfterAll
  void stopFunction() {
    function.close();
  }

  @Test
  void theRightAndAWrongPasswordGetTheSame503() {
    APIGatewayV2HTTPResponse right = signIn(OPERATOR, PASSWORD);
    APIGatewayV2HTTPResponse wrong = signIn(OPERATOR, "not the password");
    APIGatewayV2HTTPResponse unknown = signIn("nobody", "not the password");

    for (APIGatewayV2HTTPResponse response :
        new APIGatewayV2HTTPResponse[] {right, wrong, unknown}) {
      assertThat(response.getStatusCode()).isEqualTo(503);
      assertThat(body(response)).contains("PRINTRELAY_SESSION_SECRET");
      assertThat(response.getCookies()).isNullOrEmpty();
    }
  }

  private APIGatewayV2HTTPResponse signIn(String username, String password) {
    return function.handleRequest(
        load(
            "login-as.json",
            Map.of(
                "USERNAME",
                username,
                "PASSWORD",
                password,
                "SOURCE_IP",
                "198.51.100.23",
                "FORWARDED_FOR",
                "198.51.100.23")),
        new MockLambdaContext());
  }
}
