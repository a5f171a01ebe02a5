package io.printrelay.infra;

import static io.printrelay.infra.SynthesizedStack.PREFIX;
import static io.printrelay.infra.SynthesizedStack.getAttArn;
import static io.printrelay.infra.SynthesizedStack.logicalId;
import static io.printrelay.infra.SynthesizedStack.template;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"high", "normal", "low"})
  void eachPriorityHasAFifoQueueRedrivingToItsOwnFifoDeadLetterQueue(String priority) {
    String deadLetters =
        logicalId(
            "AWS::SQS::Queue",
            Map.of(
                "QueueName",
                PREFIX + "-" + priority + "-dlq.fifo",
                "FifoQueue",
                true,
                "MessageRetentionPeriod",
                1_209_600));

    template()
        .hasResourceProperties(
            "AWS::SQS::Queue",
            Map.of(
                "QueueName",
                PREFIX + "-" + priority + ".fifo",
                "FifoQueue",
                true,
                "ContentBasedDeduplication",
                false,
                "VisibilityTimeout",
                60,
                "ReceiveMessageWaitTimeSeconds",
                20,
                "MessageRetentionPeriod",
                1_209_600,
                "SqsManagedSseEnabled",
                true,
                "RedrivePolicy",
                Map.of("deadLetterTargetArn", getAttArn(deadLetters), "maxReceiveCount", 100)));
  }

  @Test
  void thereAreExactlyThreeQueuesAndThreeDeadLetterQueues() {
    template().resourceCountIs("AWS::SQS::Queue", 6);
  }
}
