package io.printrelay.infra;

import java.util.List;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.User;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * What the edge agent on the commissary LAN may do: take messages off the three main queues and
 * record progress in the table. Nothing more: it never sends (only the cloud enqueues), never
 * deletes or scans items, never touches the dead-letter queues.
 *
 * <p>CDK creates the IAM user {@code <prefix>-edge-agent} with this policy but no password and no
 * access key, so no secret lands in CloudFormation. The operator creates the key once
 * ({@code aws iam create-access-key --user-name <prefix>-edge-agent}) and stores it on the agent's
 * machine; rotating it is another create-access-key, then delete-access-key of the old one.
 */
public final class AgentAccess extends Construct {
  static final List<String> QUEUE_ACTIONS = List.of(
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueUrl",
      "sqs:GetQueueAttributes");

  // IAM authorises each item of a TransactWriteItems call by its own action (PutItem, UpdateItem,
  // ConditionCheckItem); TransactWriteItems is listed as well so the policy reads as the agent's
  // calls. No DeleteItem, BatchWriteItem or Scan.
  static final List<String> TABLE_ACTIONS = List.of(
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:Query",
      "dynamodb:BatchGetItem",
      "dynamodb:TransactWriteItems",
      "dynamodb:ConditionCheckItem");

  private final ManagedPolicy policy;
  private final User user;

  public AgentAccess(Construct scope, String id, String prefix, List<IQueue> queues, ITable table) {
    super(scope, id);
    policy = ManagedPolicy.Builder.create(this, "Policy")
        .managedPolicyName(prefix + "-edge-agent")
        .description("Printrelay edge agent: poll the print queues, record progress")
        .statements(List.of(
            PolicyStatement.Builder.create()
                .sid("PollPrintQueues")
                .actions(QUEUE_ACTIONS)
                .resources(queues.stream().map(IQueue::getQueueArn).toList())
                .build(),
            PolicyStatement.Builder.create()
                .sid("RecordProgress")
                .actions(TABLE_ACTIONS)
                // Queries go to the indexes, whose ARNs are the table's plus /index/NAME.
                .resources(List.of(table.getTableArn(), table.getTableArn() + "/index/*"))
                .build()))
        .build();
    user = User.Builder.create(this, "User")
        .userName(prefix + "-edge-agent")
        .managedPolicies(List.of(policy))
        .build();
  }

  public IManagedPolicy policy() {
    return policy;
  }

  public String userName() {
    return user.getUserName();
  }
}
