package io.printrelay.infra;

import static io.printrelay.infra.SynthesizedStack.actions;
import static io.printrelay.infra.SynthesizedStack.getAttArn;
import static io.printrelay.infra.SynthesizedStack.logicalId;
import static io.printrelay.infra.SynthesizedStack.statements;
import static io.printrelay.infra.SynthesizedStack.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.table.ItemKeys;
import io.printrelay.table.JobTable;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The edge agent's policy: exactly the actions its code calls (DerivedActionsTest), only on its own
 * items, nothing that enqueues, creates or deletes.
 */
class AgentAccessTest {
  private static final Map<String, Object> POLICY = Map.of("ManagedPolicyName", "acme-edge-agent");

  @Test
  void agentPolicyGrantsExactlyTheAgentsActionList() {
    // Query appears twice: on the items and on the indexes.
    assertThat(
            statements("AWS::IAM::ManagedPolicy", POLICY).stream()
                .flatMap(SynthesizedStack::actions)
                .distinct())
        .containsExactlyInAnyOrderElementsOf(AgentAccess.ACTIONS)
        .containsExactlyInAnyOrder(
            "sqs:GetQueueUrl",
            "sqs:ReceiveMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:DeleteMessage",
            "dynamodb:GetItem",
            "dynamodb:Query",
            "dynamodb:UpdateItem",
            "dynamodb:ConditionCheckItem");
  }

  @Test
  void agentMayNotEnqueueCreateDeleteBatchOrScan() {
    assertThat(
            statements("AWS::IAM::ManagedPolicy", POLICY).stream()
                .flatMap(SynthesizedStack::actions))
        .doesNotContain(
            "sqs:SendMessage",
            "sqs:GetQueueAttributes",
            "dynamodb:PutItem",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Scan",
            "dynamodb:TransactWriteItems");
  }

  @Test
  void agentPolicyOnlyAllows() {
    assertThat(statements("AWS::IAM::ManagedPolicy", POLICY))
        .allSatisfy(s -> assertThat(s).containsEntry("Effect", "Allow"));
  }

  @Test
  void agentItemCallsAreLimitedToJobAndPrinterPartitions() {
    Map<String, Object> items = statement("TableItems");

    assertThat(items.get("Resource")).isEqualTo(tableArn());
    assertThat(items.get("Condition"))
        .isEqualTo(
            Map.of(
                "ForAllValues:StringLike",
                Map.of("dynamodb:LeadingKeys", List.of("JOB#*", "PRINTER"))));
  }

  @Test
  void leadingKeyPatternsAdmitJobLabelAndPrinterItemsButNoIdempotencyRecord() {
    List<Pattern> allowed = leadingKeyPatterns();

    assertThat(List.of(ItemKeys.job("j-1"), ItemKeys.label("j-1", 7), ItemKeys.printer("line-1")))
        .allSatisfy(key -> assertThat(allowed).anyMatch(p -> p.matcher(pk(key)).matches()));
    assertThat(allowed)
        .noneMatch(p -> p.matcher(pk(ItemKeys.idempotency("odoo", "MO-1"))).matches())
        // Even a key that embeds a job's partition key.
        .noneMatch(p -> p.matcher(pk(ItemKeys.idempotency("odoo", "JOB#j-1"))).matches());
  }

  @Test
  void agentQueriesTheIndexesAndDoesNothingElseThere() {
    Map<String, Object> indexes = statement("TableIndexes");

    assertThat(actions(indexes)).containsExactly("dynamodb:Query");
    // A Query on an index names the index's partition key, which LeadingKeys would refuse.
    assertThat(indexes).doesNotContainKey("Condition");
    assertThat(indexes.get("Resource"))
        .isEqualTo(Map.of("Fn::Join", List.of("", List.of(tableArn(), "/index/*"))));
  }

  @Test
  void agentPollsTheThreeMainQueuesButNotTheDeadLetterQueues() {
    Map<String, Object> queues = statement("MainQueues");

    assertThat(actions(queues)).allMatch(a -> a.startsWith("sqs:"));
    assertThat(queues.get("Resource"))
        .isEqualTo(
            List.of(
                getAttArn(queue("acme-high.fifo")),
                getAttArn(queue("acme-normal.fifo")),
                getAttArn(queue("acme-low.fifo"))));
  }

  @Test
  void agentUserHasThePolicyButNoPasswordOrKeyFromCdk() {
    String policy = logicalId("AWS::IAM::ManagedPolicy", POLICY);
    template()
        .hasResourceProperties(
            "AWS::IAM::User",
            Map.of(
                "UserName",
                "acme-edge-agent",
                "ManagedPolicyArns",
                List.of(Map.of("Ref", policy))));
    assertThat(SynthesizedStack.properties(logicalId("AWS::IAM::User", Map.of())))
        .doesNotContainKeys("LoginProfile", "Policies");
    template().resourceCountIs("AWS::IAM::AccessKey", 0);
    template().hasOutput("AgentPolicyArn", Map.of("Value", Map.of("Ref", policy)));
  }

  private static Map<String, Object> statement(String sid) {
    return statements("AWS::IAM::ManagedPolicy", POLICY).stream()
        .filter(s -> sid.equals(s.get("Sid")))
        .findFirst()
        .orElseThrow();
  }

  // IAM's StringLike: * is any run of characters, ? any one; everything else literal.
  @SuppressWarnings("unchecked")
  private static List<Pattern> leadingKeyPatterns() {
    Map<String, Object> like =
        (Map<String, Object>)
            ((Map<String, Object>) statement("TableItems").get("Condition"))
                .get("ForAllValues:StringLike");
    return ((List<String>) like.get("dynamodb:LeadingKeys"))
        .stream()
            .map(
                glob ->
                    Pattern.compile(
                        Pattern.quote(glob).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q")))
            .toList();
  }

  private static String pk(Map<String, AttributeValue> key) {
    return key.get(JobTable.PK).s();
  }

  private static Map<String, Object> tableArn() {
    return getAttArn(logicalId("AWS::DynamoDB::Table", Map.of("TableName", "acme-jobs")));
  }

  private static String queue(String name) {
    return logicalId("AWS::SQS::Queue", Map.of("QueueName", name));
  }
}
