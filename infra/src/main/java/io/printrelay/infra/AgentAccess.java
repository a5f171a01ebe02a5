package io.printrelay.infra;

import io.printrelay.table.ItemKeys;
import io.printrelay.table.JobTable;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.User;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * What the edge agent on the commissary LAN may do: take messages off the three main queues and
 * record progress on job, label and printer items. Nothing more: it never sends (only the cloud
 * enqueues), never creates, deletes or scans items, never touches an idempotency record or the
 * dead-letter queues.
 *
 * <p>CDK creates the IAM user {@code <prefix>-edge-agent} with this policy but no password and no
 * access key, so no secret lands in CloudFormation. The operator creates the key once ({@code aws
 * iam create-access-key --user-name <prefix>-edge-agent}) and stores it on the agent's machine;
 * rotating it is another create-access-key, then delete-access-key of the old one.
 */
public final class AgentAccess extends Construct {
  /**
   * Exactly the actions the agent's code calls (the infra tests derive them from its classes).
   * Batch receipts count as their single action: IAM authorises ChangeMessageVisibilityBatch as
   * sqs:ChangeMessageVisibility. TransactWriteItems has no action of its own: IAM authorises each
   * item of it by its action, and the agent's transactions hold ConditionCheck and Update items. No
   * PutItem, DeleteItem, BatchWriteItem or Scan: the agent only updates items that exist.
   */
  static final List<String> ACTIONS =
      List.of(
          "sqs:GetQueueUrl",
          "sqs:ReceiveMessage",
          "sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage",
          "dynamodb:GetItem",
          "dynamodb:Query",
          "dynamodb:UpdateItem",
          "dynamodb:ConditionCheckItem");

  /**
   * The partition keys the agent's item calls may name: a job and its labels share {@code
   * JOB#<jobId>}, every printer lives under {@code PRINTER}. An idempotency record ({@code
   * IDEMPOTENCY#...}) matches neither.
   */
  static final List<String> LEADING_KEYS = List.of(ItemKeys.jobPk("*"), JobTable.PRINTER_PK);

  // dynamodb:LeadingKeys is the partition key value(s) of the request: one for GetItem, UpdateItem
  // and each item of a transaction, the key condition's for a Query. ForAllValues makes every
  // value of a request match; it also holds for a request with none (a Scan), which is why no
  // Scan is granted. A Query on an index names the index's partition key instead (for `active` a
  // printer id), which these patterns would refuse, so the index statement goes without the
  // condition: the indexes are sparse and only job items carry their keys, so no index holds an
  // idempotency record, and they project keys plus at most jobId, status and priority.
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
  private static final Map<String, Object> OWN_ITEMS_ONLY =
      Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", LEADING_KEYS));

  private final ManagedPolicy policy;
  private final User user;

  public AgentAccess(Construct scope, String id, String prefix, List<IQueue> queues, ITable table) {
    super(scope, id);
    policy =
        ManagedPolicy.Builder.create(this, "Policy")
            .managedPolicyName(prefix + "-edge-agent")
            .description("Printrelay edge agent: poll the print queues, record progress")
            .statements(AccessStatements.of(ACTIONS, queues, table, OWN_ITEMS_ONLY))
            .build();
    user =
        User.Builder.create(this, "User")
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
