package io.printrelay.local;

import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.agent.AgentTestBed;
import io.printrelay.aws.AwsClientSetup;
import io.printrelay.local.awsproxy.AwsProxy;
import io.printrelay.local.awsproxy.AwsService;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Pause and cancel reach the printer within 2 labels of the action's answer although the agent is
 * 60 ms from the cloud (docs/printing.md#the-local-journal): the agent's SQS and DynamoDB traffic
 * goes through the AWS proxy with that round trip, the printer takes 100 ms a label.
 */
@Timeout(90)
class ControlUnderLatencyTest {
  private static final Duration PER_LABEL = Duration.ofMillis(100);
  private static final Duration ROUND_TRIP = Duration.ofMillis(60);

  private final OperatorTestBed operator = new OperatorTestBed();
  private final AgentTestBed bed = operator.agents;
  private final AwsProxy toTable =
      AwsProxy.start(AwsService.DYNAMODB, bed.aws.aws().dynamoDbEndpoint());
  private final AwsProxy toQueues = AwsProxy.start(AwsService.SQS, bed.aws.aws().sqsEndpoint());
  private final DynamoDbClient dynamoDb =
      AwsClientSetup.configure(DynamoDbClient.builder(), toTable.endpoint(), null).build();
  private final SqsClient sqs =
      AwsClientSetup.configure(SqsClient.builder(), toQueues.endpoint(), null).build();

  @AfterEach
  void tearDown() {
    operator.close();
    dynamoDb.close();
    sqs.close();
    toTable.close();
    toQueues.close();
  }

  @Test
  void aCancelStopsTheJobWithin2Labels() {
    stopsWithin2Labels((jobId, printerId) -> operator.cancel(jobId));
  }

  @Test
  void aPauseStopsTheJobWithin2Labels() {
    stopsWithin2Labels((jobId, printerId) -> operator.pause(jobId));
  }

  @Test
  void aPrinterPauseStopsItWithin2Labels() {
    stopsWithin2Labels((jobId, printerId) -> operator.pausePrinter(printerId));
  }

  private void stopsWithin2Labels(BiConsumer<String, String> action) {
    VirtualPrinter printer = bed.printer("line-1", PER_LABEL);
    toTable.roundTrip(ROUND_TRIP);
    toQueues.roundTrip(ROUND_TRIP);
    bed.start(bed.config(printer).build(), sqs, dynamoDb);
    String jobId = bed.submit("line-1", Priority.NORMAL, 80);
    await().atMost(Duration.ofSeconds(30)).until(() -> printedIndexes(printer, jobId).size() >= 10);

    action.accept(jobId, "line-1");
    // What the printer had when the action answered: on paper, on the head or in its buffer.
    int atAnswer = printedIndexes(printer, jobId).size() + printer.bufferedCount();

    AtomicInteger previous = new AtomicInteger(-1);
    await("the printer receives no more labels")
        .pollInterval(Duration.ofMillis(100))
        .during(Duration.ofMillis(1_000))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              int now = printedIndexes(printer, jobId).size();
              return previous.getAndSet(now) == now;
            });
    int after = printedIndexes(printer, jobId).size() - atAnswer;
    assertThat(after)
        .as("labels sent to the printer after the action answered")
        .isLessThanOrEqualTo(2);
    assertThat(printedIndexes(printer, jobId)).hasSizeLessThan(80);
    assertThat(printer.partials()).isEmpty();
  }
}
