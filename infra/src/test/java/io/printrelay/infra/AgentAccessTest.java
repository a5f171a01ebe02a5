package io.printrelay.infra;

import static io.printrelay.infra.SynthesizedStack.actions;
import static io.printrelay.infra.SynthesizedStack.getAttArn;
import static io.printrelay.infra.SynthesizedStack.logicalId;
import static io.printrelay.infra.SynthesizedStack.statements;
import static io.printrelay.infra.SynthesizedStack.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge agent's policy: exactly what polling and progress need, nothing that enqueues or deletes. */
class AgentAccessTest {
  private static final Map<String, Object> POLICY = Map.of("ManagedPolicyName", "acme-edge-agent");

  @Test
  void agentPolicyGrantsExactlyTheListedActions() {
    assertThat(statements("AWS::IAM::ManagedPolicy", POLICY).stream().flatMap(SynthesizedStack::actions))
        .containsExactlyInAnyOrder(
            "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
            "sqs:GetQueueUrl", "sqs:GetQueueAttributes",
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
            "dynamodb:BatchGetItem", "dynamodb:TransactWriteItems", "dynamodb:ConditionCheckItem")
        .doesNotContain("sqs:SendMessage", "dynamodb:DeleteItem", "dynamodb:Scan");
  }

  @Test
  void agentPolicyAllowsEverythingAndDeniesNothing() {
    assertThat(statements("AWS::IAM::ManagedPolicy", POLICY))
        .allSatisfy(s -> assertThat(s).containsEntry("Effect", "Allow").doesNotContainKey("Condition"));
  }

  @Test
  void agentPollsTheThreeMainQueuesButNotTheDeadLetterQueues() {
    assertThat(statementFor("sqs:ReceiveMessage").get("Resource")).isEqualTo(List.of(
        getAttArn(queue("acme-high.fifo")), getAttArn(queue("acme-normal.fifo")),
        getAttArn(queue("acme-low.fifo"))));
  }

  @Test
  void agentReachesTheTableAndItsIndexes() {
    Map<String, Object> tableArn = getAttArn(logicalId("AWS::DynamoDB::Table", Map.of("TableName", "acme-jobs")));
    assertThat(statementFor("dynamodb:Query").get("Resource")).isEqualTo(List.of(
        tableArn, Map.of("Fn::Join", List.of("", List.of(tableArn, "/index/*")))));
  }

  @Test
  void agentUserHasThePolicyButNoPasswordOrKeyFromCdk() {
    String policy = logicalId("AWS::IAM::ManagedPolicy", POLICY);
    template().hasResourceProperties("AWS::IAM::User", Map.of(
        "UserName", "acme-edge-agent",
        "ManagedPolicyArns", List.of(Map.of("Ref", policy))));
    assertThat(SynthesizedStack.properties(logicalId("AWS::IAM::User", Map.of())))
        .doesNotContainKeys("LoginProfile", "Policies");
    template().resourceCountIs("AWS::IAM::AccessKey", 0);
    template().hasOutput("AgentPolicyArn", Map.of("Value", Map.of("Ref", policy)));
  }

  private static Map<String, Object> statementFor(String action) {
    return statements("AWS::IAM::ManagedPolicy", POLICY).stream()
        .filter(s -> actions(s).anyMatch(action::equals))
        .findFirst()
        .orElseThrow();
  }

  private static String queue(String name) {
    return logicalId("AWS::SQS::Queue", Map.of("QueueName", name));
  }
}
