package io.printrelay.infra;

import static io.printrelay.infra.SynthesizedStack.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

class PrintrelayStackTest {

  @Test
  void outputsTheApiUrlQueueUrlsTableAgentPolicyAlarmTopicAndDashboard() {
    assertThat(template().findOutputs("*"))
        .containsOnlyKeys(
            "ApiUrl",
            "QueueUrlHigh",
            "QueueUrlNormal",
            "QueueUrlLow",
            "TableName",
            "AgentPolicyArn",
            "AgentUserName",
            "AlarmTopicArn",
            "DashboardName");
    template()
        .hasOutput(
            "QueueUrlHigh",
            Map.of(
                "Value",
                Map.of(
                    "Ref",
                    SynthesizedStack.logicalId(
                        "AWS::SQS::Queue", Map.of("QueueName", "acme-high.fifo")))));
  }

  @Test
  void warnsWhenNoApiKeyOrOperatorAccountIsGiven() {
    // One synth for both warnings: each costs seconds.
    PrintrelayStack bare = SynthesizedStack.synthesize(Map.of("apiKeySha256", ""));

    Annotations.fromStack(bare)
        .hasWarning("*", Match.stringLikeRegexp("No apiKeys or apiKeySha256 given.*"));
    Annotations.fromStack(bare)
        .hasWarning("*", Match.stringLikeRegexp("No operatorAccounts given: nobody can sign in.*"));
  }

  @Test
  void givenKeysAndAccountsNeitherWarningAppears() {
    // CDK's own warnings (SnapStart's reminder to publish versions) stay.
    Annotations shared = Annotations.fromStack(SynthesizedStack.stack());
    shared.hasNoWarning("*", Match.stringLikeRegexp("No apiKeys or apiKeySha256 given.*"));
    shared.hasNoWarning("*", Match.stringLikeRegexp("No operatorAccounts given.*"));
  }
}
