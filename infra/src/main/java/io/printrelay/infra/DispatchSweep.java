package io.printrelay.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.constructs.Construct;

/**
 * The safety net for the API's two-step submit (store, then enqueue): once a minute a second
 * function, from the same jar, re-sends jobs stored but never confirmed enqueued. The message's
 * deduplication id comes from the job, so SQS drops a re-send within 5 minutes of the first send.
 * The same run deletes the labels of jobs finished over 30 days ago (labels have no TTL, so that a
 * paused job keeps them however long it waits).
 */
public final class DispatchSweep extends Construct {
  static final String HANDLER =
      "io.printrelay.function.dispatch.DispatchSweepHandler::handleRequest";

  /**
   * Exactly the actions the code reachable from the sweep's handler calls (the infra tests derive
   * them): find undispatched jobs on their index, read each, claim and confirm its dispatch with
   * conditional updates, send its message; find jobs finished long ago on their index, delete their
   * labels (BatchWriteItem, whose requests here only delete) and take each job out of that index
   * (UpdateItem). No PutItem, no DeleteItem: it creates nothing, and jobs expire by TTL.
   */
  static final List<String> ACTIONS =
      List.of(
          "sqs:GetQueueUrl",
          "sqs:SendMessage",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:UpdateItem",
          "dynamodb:BatchWriteItem");

  public DispatchSweep(Construct scope, String id, String prefix, FunctionInputs inputs) {
    super(scope, id);
    PrintrelayFunction function =
        new PrintrelayFunction(
            this,
            "Handler",
            new PrintrelayFunction.Spec(
                HANDLER,
                "Printrelay dispatch sweep: re-sends jobs stored but not enqueued, deletes the"
                    + " labels of jobs finished 30 days ago",
                // Ends before the next tick starts another sweep over the same jobs.
                Duration.seconds(50),
                ACTIONS,
                // None reserved: one run a minute, far from any limit.
                0),
            inputs);
    // A failed sweep is redone by the next minute's; retries (EventBridge's, then Lambda's own
    // for async invocations) would only overlap with it.
    function
        .live()
        .configureAsyncInvoke(EventInvokeConfigOptions.builder().retryAttempts(0).build());
    Rule.Builder.create(this, "EveryMinute")
        .ruleName(prefix + "-dispatch-sweep")
        .description("Runs the Printrelay dispatch sweep once a minute")
        .schedule(Schedule.rate(Duration.minutes(1)))
        .targets(
            List.of(
                new LambdaFunction(
                    function.live(), LambdaFunctionProps.builder().retryAttempts(0).build())))
        .build();
  }
}
