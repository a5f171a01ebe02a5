package io.printrelay.agent;

import static io.printrelay.agent.AgentTestBed.awaitEveryLabel;
import static io.printrelay.agent.AgentTestBed.awaitPrinted;
import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static io.printrelay.agent.AgentTestBed.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.aws.AwsClientSetup;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.testing.LoopbackForwarder;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB or SQS failing while the agent prints, met by the agent's real AWS SDK clients: they
 * reach the embedded emulators through a {@link LoopbackForwarder} that refuses connections (the
 * endpoint is down) or black-holes them (it stops answering). What the agent guarantees
 * (docs/printing.md#crash-safety): no label recorded printed is printed again, none is lost (at
 * most the one in hand is sent twice, flagged uncertain), and printing resumes once the endpoint is
 * back.
 *
 * <p>The clients are the agent's own ({@link AwsClientSetup}) with test timings, as the bed's polls
 * are: a 3 s socket timeout and two attempts per call, so an outage of seconds outlasts the SDK's
 * retries and reaches the agent's code instead of only delaying a call.
 */
@Timeout(120)
class OutageTest {
  private static final int LABELS = 60;

  private final AgentTestBed bed = new AgentTestBed();
  private final LoopbackForwarder toTable = LoopbackForwarder.to(bed.aws.aws().dynamoDbEndpoint());
  private final LoopbackForwarder toQueues = LoopbackForwarder.to(bed.aws.aws().sqsEndpoint());
  private final DynamoDbClient dynamoDb =
      AwsClientSetup.configure(DynamoDbClient.builder(), toTable.endpoint(), null)
          .httpClientBuilder(testTimeouts())
          .overrideConfiguration(o -> o.retryStrategy(twoAttempts()))
          .build();
  private final SqsClient sqs =
      AwsClientSetup.configure(SqsClient.builder(), toQueues.endpoint(), null)
          .httpClientBuilder(testTimeouts())
          .overrideConfiguration(o -> o.retryStrategy(twoAttempts()))
          .build();

  @AfterEach
  void tearDown() {
    bed.close();
    dynamoDb.close();
    sqs.close();
    toTable.close();
    toQueues.close();
  }

  @Test
  void aTableThatRefusesConnectionsStopsPrintingAndTheJobCompletesOnceItIsBack() {
    tableOutageMidJob(LoopbackForwarder::refuse);
  }

  @Test
  void aTableThatStopsAnsweringStopsPrintingAndTheJobCompletesOnceItAnswersAgain() {
    tableOutageMidJob(
        forwarder -> {
          forwarder.blackHole();
          // At least one of the agent's calls timed out in the black hole, not just waited.
          await().atMost(Duration.ofSeconds(30)).until(() -> forwarder.connectionsAbandoned() >= 1);
        });
  }

  @Test
  void queuesThatRefuseConnectionsDoNotStopTheJobInHandAndTheNextJobPrintsOnceTheyAreBack() {
    queueOutageMidJob(LoopbackForwarder::refuse);
  }

  @Test
  void queuesThatStopAnsweringDoNotStopTheJobInHandAndTheNextJobPrintsOnceTheyAnswerAgain() {
    queueOutageMidJob(
        forwarder -> {
          forwarder.blackHole();
          // A long poll, at least, timed out in the black hole.
          await().atMost(Duration.ofSeconds(30)).until(() -> forwarder.connectionsAbandoned() >= 1);
        });
  }

  private void tableOutageMidJob(Consumer<LoopbackForwarder> outage) {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    startAgent(printer);
    String jobId = bed.submit("line-1", Priority.NORMAL, LABELS);
    await().atMost(Duration.ofSeconds(30)).until(() -> printedIndexes(printer, jobId).size() >= 10);

    outage.accept(toTable);
    int atOutage = printedIndexes(printer, jobId).size();
    await("the label in hand at most, then no label without the table")
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> printedIndexes(printer, jobId).size() <= atOutage + 1);
    Set<Integer> recorded = recordedPrinted(jobId);
    assertThat(recorded).hasSizeLessThan(LABELS);
    assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.PRINTING);

    toTable.restore();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    Map<Integer, Long> copies = awaitEveryLabel(printer, jobId, LABELS);
    assertThat(copies.keySet())
        .as("none lost")
        .containsExactlyInAnyOrderElementsOf(range(1, LABELS));
    assertThat(recorded)
        .allSatisfy(
            index ->
                assertThat(copies.get(index))
                    .as("label %d was recorded printed before the outage", index)
                    .isEqualTo(1));
    List<Integer> duplicated =
        copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    Job job = bed.job(jobId);
    assertThat(duplicated).hasSizeLessThanOrEqualTo(1);
    assertThat(job.uncertainLabels()).containsAll(duplicated);
    assertThat(job.printed()).isEqualTo(LABELS);
    assertThat(printer.partials()).noneMatch(partial -> partial.contains("^XA"));
    await().atMost(Duration.ofSeconds(20)).until(() -> bed.allMessages() == 0);
  }

  private void queueOutageMidJob(Consumer<LoopbackForwarder> outage) {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    startAgent(printer);
    String jobId = bed.submit("line-1", Priority.NORMAL, LABELS);
    await().atMost(Duration.ofSeconds(30)).until(() -> printedIndexes(printer, jobId).size() >= 10);

    outage.accept(toQueues);

    // The job in hand needs only the table and the printer.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, LABELS));
    assertThat(bed.job(jobId).uncertainLabels()).isEmpty();

    toQueues.restore();

    // Its message, which could not be deleted, is settled; a new job is received and printed.
    String next = bed.submit("line-1", Priority.HIGH, 5);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> bed.job(next).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, next, range(1, 5));
    await().atMost(Duration.ofSeconds(30)).until(() -> bed.allMessages() == 0);
    assertThat(printedIndexes(printer, jobId)).as("printed once").hasSize(LABELS);
  }

  private void startAgent(VirtualPrinter printer) {
    bed.start(bed.config(printer).build(), sqs, dynamoDb);
  }

  private Set<Integer> recordedPrinted(String jobId) {
    return bed.labels(jobId).stream()
        .filter(label -> label.status() == LabelStatus.PRINTED)
        .map(Label::index)
        .collect(Collectors.toSet());
  }

  private static UrlConnectionHttpClient.Builder testTimeouts() {
    // Above the bed's 1 s long poll, which must not time out.
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(1))
        .socketTimeout(Duration.ofSeconds(3));
  }

  private static RetryStrategy twoAttempts() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build();
  }
}
