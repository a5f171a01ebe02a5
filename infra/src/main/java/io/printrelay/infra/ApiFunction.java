package io.printrelay.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.constructs.Construct;

/**
 * The HTTPS endpoint Odoo and operators call: an API Gateway HTTP API whose {@code $default} route
 * sends every request, payload format 2.0, to the Micronaut function, which does its own routing,
 * Bearer-key checks and operator sign-in. The stage throttles every route and the function has a
 * reserved concurrency, both from {@link ApiLimits}.
 */
public final class ApiFunction extends Construct {
  // Micronaut's APIGatewayV2HTTPEventFunction, extended: payload 2.0 carries request cookies in
  // `cookies` and takes response cookies from `cookies`, not from headers, and the stock handler
  // drops both, which would lose the operator's session cookie.
  static final String HANDLER = "io.printrelay.function.lambda.ApiGatewayHandler";

  /**
   * Exactly the actions the API's code calls (the infra tests derive them from its classes).
   * PutItem is the job and idempotency items of a submit's TransactWriteItems (which has no IAM
   * action of its own: IAM authorises each item by its action). BatchWriteItem is one action
   * whatever its requests do, and it can delete as well as put: the API stores labels with it and
   * removes those of a job its submit did not create (a duplicate, a failed write). DeleteItem is
   * an intake profile's and its token's, in the transactions that delete a profile or rotate its
   * token. GetQueueAttributes is the health check's.
   */
  static final List<String> ACTIONS =
      List.of(
          "sqs:GetQueueUrl",
          "sqs:GetQueueAttributes",
          "sqs:SendMessage",
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem");

  /**
   * On the dead-letter queues only. The health check counts their messages (GetQueueAttributes);
   * the rest is the dispatch sweep's, whose code the API's jar holds because `printrelay local`
   * runs it inside the API (the infra tests derive actions from reachable code). In AWS the API
   * never reads or deletes a dead letter; its redrive only sends a new message.
   */
  static final List<String> DEAD_LETTER_ACTIONS = DispatchSweep.DEAD_LETTER_ACTIONS;

  // The $default stage CDK would create, under the id CDK gives it: the same logical id, so an
  // existing stack updates its stage in place rather than replacing it.
  private static final String DEFAULT_STAGE_ID = "DefaultStage";
  private static final String DEFAULT_STAGE = "$default";

  private final PrintrelayFunction function;
  private final HttpApi api;

  public ApiFunction(
      Construct scope, String id, String prefix, FunctionInputs inputs, ApiLimits limits) {
    super(scope, id);
    function =
        new PrintrelayFunction(
            this,
            "Handler",
            new PrintrelayFunction.Spec(
                HANDLER,
                "Printrelay HTTP API: submits jobs, reports progress, serves the operator view",
                // API Gateway's integration limit is 30 s; stopping at 29 s leaves the function,
                // not the gateway, to answer.
                Duration.seconds(29),
                ACTIONS,
                DEAD_LETTER_ACTIONS,
                limits.reservedConcurrency()),
            inputs);
    HttpLambdaIntegration integration =
        HttpLambdaIntegration.Builder.create("Function", function.live())
            .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
            .build();
    // defaultIntegration creates the $default route: one catch-all, the function owns the paths.
    api =
        HttpApi.Builder.create(this, "HttpApi")
            .apiName(prefix + "-api")
            .description("Printrelay API (" + prefix + ")")
            .defaultIntegration(integration)
            // CDK's own default stage takes no throttle; the one below replaces it.
            .createDefaultStage(false)
            .build();
    // The stage's default route settings apply to every route: the one $default route here.
    api.addStage(
        DEFAULT_STAGE_ID,
        HttpStageOptions.builder()
            .stageName(DEFAULT_STAGE)
            .autoDeploy(true)
            .throttle(
                ThrottleSettings.builder()
                    .rateLimit(limits.rateLimit())
                    .burstLimit(limits.burstLimit())
                    .build())
            .build());
  }

  /** The function behind the API, for its metrics. */
  public PrintrelayFunction function() {
    return function;
  }

  /** The HTTP API, for its metrics. */
  public HttpApi httpApi() {
    return api;
  }

  /** The API's base URL, https://{id}.execute-api.{region}.amazonaws.com. */
  public String url() {
    return api.getApiEndpoint();
  }
}
