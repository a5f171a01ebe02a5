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
 * The safety net for the API's two-step submit (store, then enqueue) and for lost messages: once a
 * minute a second function, from the same jar, re-sends jobs stored but never confirmed enqueued
 * and queued jobs that waited too long, and reads the dead-letter queues (docs/printing.md, "Dead-
 * lettered messages"). The message's deduplication id comes from the job and its dispatch number,
 * so SQS drops a retried send within 5 minutes, never a deliberate re-send. The same run deletes
 * the labels of jobs finished over 30 days ago (labels have no TTL, so that a paused job keeps them
 * however long it waits). Last, it logs the printers offline, the jobs per state and the labels
 * printed since its last run as CloudWatch metrics (Embedded Metric Format: a log line, no IAM
 * action), which {@link Monitoring} reads.
 */
public final class DispatchSweep extends Construct {
  static final String HANDLER =
      "io.printrelay.function.dispatch.DispatchSweepHandler::handleRequest";

  /**
   * Exactly the actions the code reachable from the sweep's handler calls on the main queues and
   * the table (the infra tests derive them, with {@link #DEAD_LETTER_ACTIONS}): find undispatched
   * and active jobs on their indexes and the printers, read each job, claim and confirm its
   * dispatch or mark it dead-lettered with conditional updates, send its message; find jobs
   * finished long ago on their index, delete their labels (BatchWriteItem, whose requests here only
   * delete) and take each job out of that index (UpdateItem). Intake events whose jobs are still to
   * be made it makes into jobs through the submit path: labels (BatchWriteItem), the job and its
   * Idempotency-Key (PutItem, in the submit's transaction), then it deletes the event's pending
   * mark (DeleteItem). For the intake's status reports to Odoo it reads the jobs of an event
   * (BatchGetItem) and keeps what was reported on a watch item (UpdateItem, DeleteItem). To count
   * the labels printed it reads its tally item (GetItem), the jobs finished since its last run
   * (Query on their index) and the jobs it counts (BatchGetItem), and replaces the tally with a
   * conditional UpdateItem. Jobs expire by TTL.
   */
  static final List<String> ACTIONS =
      List.of(
          "sqs:GetQueueUrl",
          "sqs:SendMessage",
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem");

  /**
   * On the dead-letter queues only: count them, read their messages (hidden while a run looks at
   * them, then put back), delete those no job waits on.
   */
  static final List<String> DEAD_LETTER_ACTIONS =
      List.of(
          "sqs:GetQueueUrl",
          "sqs:GetQueueAttributes",
          "sqs:ReceiveMessage",
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage");

  private final PrintrelayFunction function;

  public DispatchSweep(Construct scope, String id, String prefix, FunctionInputs inputs) {
    super(scope, id);
    function =
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
                DEAD_LETTER_ACTIONS,
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

  /** The sweep's function, for its metrics. */
  public PrintrelayFunction function() {
    return function;
  }
}
