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
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.testing.LoopbackForwarder;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
 * (docs/printing.md#cloud-outages): a job it holds prints to its end from its journal, each label
 * once; the table learns all of it once it is back; an agent restarted meanwhile carries on from
 * the journal (at most the label in hand at the kill is sent twice, flagged uncertain).
 *
 * <p>The clients are the agent's own ({@link AwsClientSetup}) with test timings, as the bed's polls
 * are: a 3 s socket timeout and two attempts per call, so an outage of seconds outlasts the SDK's
 * retries and reaches the agent's code instead of only delaying a call.
 */
@Timeout(120)
class OutageTest {
  private static final int LABELS = 100;

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
  void aTableThatRefusesConnectionsDoesNotStopTheJobInHandAndLearnsItsProgressOnceBack() {
    tableOutageMidJob(LoopbackForwarder::refuse, false);
  }

  @Test
  void aTableThatStopsAnsweringDoesNotStopTheJobInHandAndLearnsItsProgressOnceItAnswers() {
    tableOutageMidJob(
        forwarder -> {
          forwarder.blackHole();
          // At least one of the agent's calls timed out in the black hole, not just waited.
          await().atMost(Duration.ofSeconds(30)).until(() -> forwarder.connectionsAbandoned() >= 1);
        },
        false);
  }

  @Test
  void anAgentRestartedDuringAnOutageResumesFromItsJournal() {
    tableOutageMidJob(LoopbackForwarder::refuse, true);
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

  /**
   * The table goes away mid-job: the job prints to its end from the journal, each label once, and
   * the table learns all of it once it is back. With {@code crash}, the agent is killed during the
   * outage and a new one, started while the table is still away, finishes the job from the journal.
   */
  private void tableOutageMidJob(Consumer<LoopbackForwarder> outage, boolean crash) {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(40));
    Agent agent = startAgent(printer);
    String jobId = bed.submit("line-1", Priority.NORMAL, LABELS);
    await().atMost(Duration.ofSeconds(30)).until(() -> printedIndexes(printer, jobId).size() >= 10);

    outage.accept(toTable);
    if (crash) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> printedIndexes(printer, jobId).size() >= 20);
      agent.halt();
      startAgent(printer);
    }

    await("every label on paper while the table is away")
        .atMost(Duration.ofSeconds(60))
        .until(() -> Set.copyOf(printedIndexes(printer, jobId)).size() == LABELS);
    Map<Integer, Long> copies = awaitEveryLabel(printer, jobId, LABELS);
    Job meanwhile = bed.job(jobId);
    assertThat(meanwhile.status()).isEqualTo(JobStatus.PRINTING);
    assertThat(meanwhile.printed()).as("the table did not hear of it yet").isLessThan(LABELS);

    toTable.restore();

    await("the table has everything within 5 s of being back")
        .atMost(Duration.ofSeconds(10))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    Job job = bed.job(jobId);
    assertThat(job.printed()).isEqualTo(LABELS);
    assertThat(bed.labels(jobId)).allMatch(label -> label.status() == LabelStatus.PRINTED);
    List<Integer> duplicated =
        copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    if (crash) {
      // A kill mid-label may leave that one label's fate unknown: sent again, flagged.
      assertThat(duplicated).hasSizeLessThanOrEqualTo(1);
      assertThat(job.uncertainLabels()).containsAll(duplicated).hasSizeLessThanOrEqualTo(1);
    } else {
      assertThat(duplicated).as("printed twice").isEmpty();
      assertThat(job.uncertainLabels()).isEmpty();
    }
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

  private Agent startAgent(VirtualPrinter printer) {
    return bed.start(bed.config(printer).build(), sqs, dynamoDb);
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
