package io.printrelay.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.constructs.Construct;

/**
 * The HTTPS endpoint Odoo and operators call: an API Gateway HTTP API whose {@code $default} route
 * sends every request, payload format 2.0, to the Micronaut function, which does its own routing,
 * Bearer-key checks and operator sign-in.
 */
public final class ApiFunction extends Construct {
  // Micronaut's APIGatewayV2HTTPEventFunction, extended: payload 2.0 carries request cookies in
  // `cookies` and takes response cookies from `cookies`, not from headers, and the stock handler
  // drops both, which would lose the operator's session cookie.
  static final String HANDLER = "io.printrelay.function.lambda.ApiGatewayHandler";

  private final HttpApi api;

  public ApiFunction(Construct scope, String id, String prefix, FunctionInputs inputs) {
    super(scope, id);
    PrintrelayFunction function = new PrintrelayFunction(this, "Handler",
        new PrintrelayFunction.Spec(
            HANDLER,
            "Printrelay HTTP API: submits jobs, reports progress, serves the operator view",
            // API Gateway's integration limit is 30 s; stopping at 29 s leaves the function,
            // not the gateway, to answer.
            Duration.seconds(29)),
        inputs);
    HttpLambdaIntegration integration =
        HttpLambdaIntegration.Builder.create("Function", function.live())
            .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
            .build();
    // defaultIntegration creates the $default route: one catch-all, the function owns the paths.
    api = HttpApi.Builder.create(this, "HttpApi")
        .apiName(prefix + "-api")
        .description("Printrelay API (" + prefix + ")")
        .defaultIntegration(integration)
        .build();
  }

  /** The API's base URL, https://{id}.execute-api.{region}.amazonaws.com. */
  public String url() {
    return api.getApiEndpoint();
  }
}
