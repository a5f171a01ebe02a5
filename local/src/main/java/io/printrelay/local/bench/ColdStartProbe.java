package io.printrelay.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.printrelay.function.lambda.ApiGatewayHandler;
import io.printrelay.function.lambda.HttpApiRequests;
import java.util.Map;

/**
 * Runs in the fresh JVM that {@link ColdStartBench} starts, whose classpath is the Lambda jar plus
 * this class: constructs the API handler as the Lambda runtime does (no-argument constructor,
 * configuration from the environment), primes it as before a SnapStart snapshot if asked ({@code
 * primed}), and answers two {@code POST /v1/jobs}. Prints one line per step, {@code <step>
 * <status>}; the bench times the lines as they arrive.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) {
    String printerId = args[0];
    String apiKey = args[1];
    boolean primed = args.length > 2 && args[2].equals("primed");
    System.out.println("main -");
    ApiGatewayHandler handler = new ApiGatewayHandler();
    System.out.println("constructed -");
    if (primed) {
      // What Lambda calls before it takes a SnapStart snapshot.
      handler.beforeCheckpoint(null);
      System.out.println("primed -");
    }
    for (String step : new String[] {"first", "second"}) {
      APIGatewayV2HTTPResponse response =
          handler.handleRequest(submit(printerId, apiKey), new MockLambdaContext());
      System.out.println(step + " " + response.getStatusCode());
    }
    handler.close();
  }

  private static APIGatewayV2HTTPEvent submit(String printerId, String apiKey) {
    String body =
        "{\"printerId\":\""
            + printerId
            + "\",\"labels\":[{\"zpl\":\"^XA^FO50,50^A0N,40,40^FDCold start^FS^XZ\"}]}";
    return HttpApiRequests.request(
        "POST",
        "/v1/jobs",
        Map.of(
            "host", "k3x9q2w1ab.execute-api.eu-west-1.amazonaws.com",
            "authorization", "Bearer " + apiKey,
            "content-type", "application/json",
            "user-agent", "Odoo"),
        body);
  }
}
