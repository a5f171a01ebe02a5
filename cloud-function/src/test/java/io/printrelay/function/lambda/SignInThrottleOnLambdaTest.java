package io.printrelay.function.lambda;

import static io.printrelay.function.lambda.ApiGatewayEvents.header;
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
 * On Lambda the source address of a sign-in is API Gateway's {@code requestContext.http.sourceIp}:
 * what the gateway saw, not the {@code X-Forwarded-For} a client may write itself. 20 failures from
 * one address hold back every sign-in from it; IPv6 addresses count per /64, the block one
 * subscriber usually gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottleOnLambdaTest {
  private static final String WRONG = "not the password";

  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();
  private ApiGatewayHandler function;

  @BeforeAll
  void startFunction() {
    function =
        new ApiGatewayHandler(
            ApplicationContext.builder().properties(sandbox.properties()).build());
  }

  @AfterAll
  void stopFunction() {
    function.close();
  }

  @Test
  void failuresCountAgainstTheSourceIpWhateverXForwardedForSays() {
    for (int i = 0; i < 20; i++) {
      APIGatewayV2HTTPResponse refused =
          signIn("guess-" + i % 5, WRONG, "198.51.100.7", "203.0.113." + i);
      assertThat(refused.getStatusCode()).isEqualTo(401);
    }

    APIGatewayV2HTTPResponse held = signIn(OPERATOR, PASSWORD, "198.51.100.7", "203.0.113.200");
    APIGatewayV2HTTPResponse elsewhere = signIn(OPERATOR, PASSWORD, "198.51.100.8", "198.51.100.7");

    assertThat(held.getStatusCode()).isEqualTo(429);
    assertThat(header(held, "Content-Type")).startsWith("application/problem+json");
    assertThat(header(held, "Retry-After")).isEqualTo("60");
    assertThat(elsewhere.getStatusCode()).isEqualTo(200);
  }

  @Test
  void ipv6AddressesCountPerSlash64() {
    for (int i = 1; i <= 20; i++) {
      String address = "2001:db8:1:2::" + Integer.toHexString(i);
      assertThat(signIn("v6-guess-" + i % 5, WRONG, address, address).getStatusCode())
          .isEqualTo(401);
    }

    assertThat(signIn(OPERATOR, PASSWORD, "2001:db8:1:2:ffff::1", "").getStatusCode())
        .isEqualTo(429);
    assertThat(signIn(OPERATOR, PASSWORD, "2001:db8:1:3::1", "").getStatusCode()).isEqualTo(200);
  }

  private APIGatewayV2HTTPResponse signIn(
      String username, String password, String sourceIp, String forwardedFor) {
    return function.handleRequest(
        load(
            "login-as.json",
            Map.of(
                "USERNAME",
                username,
                "PASSWORD",
                password,
                "SOURCE_IP",
                sourceIp,
                "FORWARDED_FOR",
                forwardedFor)),
        new MockLambdaContext());
  }
}
