package io.printrelay.infra;

import static io.printrelay.infra.SynthesizedStack.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

class PrintrelayStackTest {

  @Test
  void outputsTheApiUrlQueueUrlsTableAndAgentPolicy() {
    assertThat(template().findOutputs("*")).containsOnlyKeys(
        "ApiUrl", "QueueUrlHigh", "QueueUrlNormal", "QueueUrlLow", "TableName",
        "AgentPolicyArn", "AgentUserName");
    template().hasOutput("QueueUrlHigh", Map.of("Value", Map.of("Ref",
        SynthesizedStack.logicalId("AWS::SQS::Queue", Map.of("QueueName", "acme-high.fifo")))));
  }

  @Test
  void warnsWhenNoApiKeyHashIsGiven() {
    PrintrelayStack withoutKeys = SynthesizedStack.synthesize(Map.of("apiKeySha256", ""));

    Annotations.fromStack(withoutKeys).hasWarning("*", Match.stringLikeRegexp("No apiKeySha256 given.*"));
  }
}
