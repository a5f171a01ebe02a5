package io.printrelay.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A Java 21 Lambda function from the cloud-function jar, published with SnapStart and reached
 * only through its {@code live} alias, with read/write on the table and send on the main queues.
 */
public final class PrintrelayFunction extends Construct {
  /** The handler, what it is for, and how long one invocation may run. */
  public record Spec(String handler, String description, Duration timeout) {}

  // Micronaut starts noticeably faster with more memory, which Lambda pairs with more CPU.
  private static final int MEMORY_MB = 1024;

  private final Alias live;

  public PrintrelayFunction(Construct scope, String id, Spec spec, FunctionInputs inputs) {
    super(scope, id);
    LogGroup logs = LogGroup.Builder.create(this, "Logs")
        .retention(RetentionDays.ONE_MONTH)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    Function function = Function.Builder.create(this, "Function")
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
        .logGroup(logs)
        .build();
    live = Alias.Builder.create(this, "Live")
        .aliasName("live")
        .version(function.getCurrentVersion())
        .build();
    grantStoreAndEnqueue(function, inputs);
  }

  /** The alias every trigger invokes: unpublished $LATEST would run without SnapStart. */
  public IFunction live() {
    return live;
  }

  /**
   * Exactly the item calls the function makes: reads, conditional puts and updates (also what a
   * TransactWriteItems is authorised as, item by item), and BatchWriteItem for storing labels and
   * removing those of a lost idempotency race. No Scan, no DeleteItem, no table management.
   */
  static final List<String> TABLE_ACTIONS = List.of(
      "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem",
      "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem", "dynamodb:BatchWriteItem");

  // grantSendMessages is SendMessage, GetQueueUrl and GetQueueAttributes. SQS-managed encryption
  // needs no KMS grant.
  private static void grantStoreAndEnqueue(Function function, FunctionInputs inputs) {
    String tableArn = inputs.table().getTableArn();
    function.addToRolePolicy(PolicyStatement.Builder.create()
        .actions(TABLE_ACTIONS)
        .resources(List.of(tableArn, tableArn + "/index/*"))
        .build());
    inputs.queues().forEach(queue -> queue.grantSendMessages(function));
  }
}
