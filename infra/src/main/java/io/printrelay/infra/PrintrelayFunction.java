package io.printrelay.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A Java 21 Lambda function from the cloud-function jar, published with SnapStart and reached only
 * through its {@code live} alias, allowed exactly its {@link Spec#actions()} on the table and the
 * main queues and its {@link Spec#deadLetterActions()} on the dead-letter queues.
 */
public final class PrintrelayFunction extends Construct {
  /**
   * The handler, what it is for, how long one invocation may run, the SQS and DynamoDB actions its
   * code calls on the main queues and table and those on the dead-letter queues (see {@link
   * AccessStatements}), and the concurrency reserved for it (0: none, it draws on the account's
   * unreserved pool).
   */
  public record Spec(
      String handler,
      String description,
      Duration timeout,
      List<String> actions,
      List<String> deadLetterActions,
      int reservedConcurrency) {
    public Spec {
      actions = List.copyOf(actions);
      deadLetterActions = List.copyOf(deadLetterActions);
      if (reservedConcurrency < 0) {
        throw new IllegalArgumentException("reservedConcurrency " + reservedConcurrency + " < 0");
      }
    }
  }

  // Lambda gives CPU in proportion to memory, a whole vCPU at 1,769 MB: the one CPU on which
  // `printrelay bench cold-start` measures a cold start. With less, a cold start lengthens in
  // proportion (at 1,024 MB, 0.58 of a vCPU); duration billing shrinks about as much as the
  // price per millisecond grows.
  private static final int MEMORY_MB = 1769;

  private final Function function;
  private final Alias live;

  public PrintrelayFunction(Construct scope, String id, Spec spec, FunctionInputs inputs) {
    super(scope, id);
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs").removalPolicy(RemovalPolicy.DESTROY).build();
    // Set on the resource itself: the construct takes only the named periods of its enum, and
    // the context gives days (MonitoringSettings checks them against what CloudWatch accepts).
    ((CfnLogGroup) logs.getNode().getDefaultChild()).setRetentionInDays(inputs.logRetentionDays());
    Function.Builder builder =
        Function.Builder.create(this, "Function")
            .runtime(Runtime.JAVA_21)
            .handler(spec.handler())
            .code(inputs.code())
            .description(spec.description())
            .memorySize(MEMORY_MB)
            .timeout(spec.timeout())
            .environment(inputs.environment())
            // A cold Micronaut start takes seconds; Odoo's webhook gives up after 1 s. SnapStart
            // restores an initialised snapshot, but only for published versions, hence the alias.
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .logGroup(logs);
    if (spec.reservedConcurrency() > 0) {
      // Caps this function's instances and keeps them available whatever else the account runs.
      builder.reservedConcurrentExecutions(spec.reservedConcurrency());
    }
    function = builder.build();
    live =
        Alias.Builder.create(this, "Live")
            .aliasName("live")
            .version(function.getCurrentVersion())
            .build();
    // SQS-managed encryption needs no KMS grant.
    AccessStatements.of(spec.actions(), inputs.queues(), inputs.table(), Map.of())
        .forEach(function::addToRolePolicy);
    AccessStatements.onDeadLetterQueues(spec.deadLetterActions(), inputs.deadLetterQueues())
        .ifPresent(function::addToRolePolicy);
  }

  /** The function itself: its metrics count every version and alias. */
  public IFunction function() {
    return function;
  }

  /** The alias every trigger invokes: unpublished $LATEST would run without SnapStart. */
  public IFunction live() {
    return live;
  }
}
