package io.printrelay.function.lambdajar;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.printrelay.function.lambda.ApiGatewayHandler;
import io.printrelay.function.lambda.HttpApiRequests;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs in a child JVM whose classpath is the shaded Lambda jar plus this class only: constructs the
 * handler the way the Lambda runtime does (no-argument constructor, configuration from the
 * environment) and prints one line per request: {@code STATUS <code> <method> <path>}. Arguments:
 * {@code METHOD PATH [KEY [BODY]]}, repeated in groups of four ("-" for none).
 */
public final class LambdaJarSmoke {
  private LambdaJarSmoke() {}

  public static void main(String[] args) {
    try {
      Class.forName("io.micronaut.http.server.netty.NettyHttpServer");
      System.out.println("NETTY present");
    } catch (ClassNotFoundException expected) {
      System.out.println("NETTY absent");
    }
    ApiGatewayHandler function = new ApiGatewayHandler();
    for (int i = 0; i + 3 < args.length; i += 4) {
      APIGatewayV2HTTPResponse response =
          function.handleRequest(
              event(args[i], args[i + 1], args[i + 2], args[i + 3]), new MockLambdaContext());
      System.out.println("STATUS " + response.getStatusCode() + " " + args[i] + " " + args[i + 1]);
    }
    function.close();
  }

  private static APIGatewayV2HTTPEvent event(String method, String path, String key, String body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("host", "k3x9q2w1ab.execute-api.eu-west-1.amazonaws.com");
    if (!key.equals("-")) {
      headers.put("authorization", "Bearer " + key);
    }
    if (!body.equals("-")) {
      headers.put("content-type", "application/json");
    }
    return HttpApiRequests.request(method, path, headers, body.equals("-") ? null : body);
  }
}
