package io.printrelay.function.dispatch;

import static io.printrelay.function.testing.Printers.aPrinter;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.config.DispatchSweepSettings;
import io.printrelay.function.config.PrinterSettings;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.queue.QueueLocator;
import io.printrelay.function.queue.SqsJobQueue;
import io.printrelay.function.storage.DynamoDbDispatchStore;
import io.printrelay.function.storage.DynamoDbReads;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.function.testing.Printers;
import io.printrelay.model.Job;
import io.printrelay.model.PrinterState;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.testing.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The sweep's pass for queued jobs whose message may be lost, on the embedded DynamoDB and SQS, at
 * instants set by the injected clock.
 */
class StaleJobsTest {
  private static final Duration STALE_AFTER = Duration.ofMinutes(5);
  private static final Instant NOW = Jobs.T0.plus(Duration.ofHours(1));

  private Sandbox sandbox;
  private DynamoDbDispatchStore store;
  private DynamoDbReads reads;
  private SqsJobQueue queue;

  @BeforeEach
  void freshSandbox() {
    sandbox = EmbeddedSandbox.newSandbox();
    PrintrelaySettings settings =
        new PrintrelaySettings(sandbox.table(), sandbox.queueNames().prefix(), null, null);
    store = new DynamoDbDispatchStore(sandbox.dynamoDb(), settings);
    reads = new DynamoDbReads(sandbox.dynamoDb(), settings);
    queue = new SqsJobQueue(sandbox.sqs(), new QueueLocator(sandbox.sqs(), settings));
  }

  @Test
  void aQueuedJobWaitingLongerThanTheThresholdIsSentAgainUnderTheNextDispatchNumber() {
    sandbox.store(aPrinter("line-1").seen(NOW));
    Job job = sandbox.store(aJob().on("line-1").dispatched(1));

    assertThat(stalePass(NOW, 10).resend()).isEqualTo(1);

    var message = sandbox.drain(Priority.NORMAL).get(0);
    assertThat(JobMessages.parse(message.body()))
        .isEqualTo(new JobMessage(job.jobId(), "line-1", Priority.NORMAL, 2));
    assertThat(message.attributes())
        .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, job.jobId() + "-2");
    Job stored = sandbox.job(job.jobId());
    assertThat(stored.dispatchCount()).isEqualTo(2);
    assertThat(stored.dispatchPending()).as("the send was confirmed").isFalse();
  }

  @Test
  void aJobSentAgainIsNotSentOnceMoreBeforeTheThresholdHasPassedAgain() {
    sandbox.store(aPrinter("line-1").seen(NOW.plus(Duration.ofMinutes(6))));
    Job job = sandbox.store(aJob().on("line-1").dispatched(1));

    assertThat(stalePass(NOW, 10).resend()).isEqualTo(1);
    assertThat(stalePass(NOW.plus(Duration.ofMinutes(1)), 10).resend()).isZero();
    assertThat(stalePass(NOW.plus(Duration.ofMinutes(6)), 10).resend()).isEqualTo(1);

    assertThat(sandbox.takeMessages(Priority.NORMAL))
        .extracting(JobMessage::dispatch)
        .containsExactly(2, 3);
    assertThat(sandbox.job(job.jobId()).dispatchCount()).isEqualTo(3);
  }

  @Test
  void aJobThatEnteredItsTierLessThanTheThresholdAgoIsLeftToWait() {
    sandbox.store(aPrinter("line-1").seen(NOW));
    sandbox.store(aJob().on("line-1").createdAt(NOW.minus(Duration.ofMinutes(4))).dispatched(1));

    assertThat(stalePass(NOW, 10).resend()).isZero();
    assertThat(sandbox.messagesWaiting()).isZero();
  }

  @Test
  void onlyJobsAheadOfTheOneThePrinterIsPrintingAreSentAgain() {
    Job printing =
        sandbox.store(
            aJob().on("line-1").createdAt(Jobs.T0.plus(Duration.ofMinutes(10))).printing(1, NOW));
    Job olderSameTier = sandbox.store(aJob().on("line-1").dispatched(1));
    Job urgentLater =
        sandbox.store(
            aJob()
                .on("line-1")
                .priority(Priority.HIGH)
                .createdAt(Jobs.T0.plus(Duration.ofMinutes(20)))
                .dispatched(1));
    Job behind =
        sandbox.store(
            aJob().on("line-1").createdAt(Jobs.T0.plus(Duration.ofMinutes(30))).dispatched(1));
    sandbox.store(aPrinter("line-1").seen(NOW).printing(printing.jobId()));

    assertThat(stalePass(NOW, 10).resend()).isEqualTo(2);

    assertThat(sandbox.takeMessages(Priority.HIGH))
        .extracting(JobMessage::jobId)
        .containsExactly(urgentLater.jobId());
    assertThat(sandbox.takeMessages(Priority.NORMAL))
        .extracting(JobMessage::jobId)
        .containsExactly(olderSameTier.jobId());
    assertThat(sandbox.job(behind.jobId()).dispatchCount()).as("waits its turn").isEqualTo(1);
    assertThat(sandbox.job(printing.jobId()).dispatchCount()).isEqualTo(1);
  }

  static Stream<Printers> printersThatTakeNoWork() {
    return Stream.of(
        aPrinter("line-1").seen(NOW).paused(),
        aPrinter("line-1").seen(NOW.minus(Duration.ofMinutes(2))),
        aPrinter("line-1").seen(NOW).state(PrinterState.ERROR, "paper out"),
        aPrinter("line-1").seen(NOW).state(PrinterState.OFFLINE, "connection refused"));
  }

  @ParameterizedTest
  @MethodSource("printersThatTakeNoWork")
  void theJobsOfAPrinterThatTakesNoWorkAreNotSentAgain(Printers printer) {
    sandbox.store(printer);
    sandbox.store(aJob().on("line-1").dispatched(1));

    assertThat(stalePass(NOW, 10).resend()).isZero();
    assertThat(sandbox.messagesWaiting()).isZero();
  }

  @Test
  void atMostTheConfiguredNumberPerPrinterAreSentAgainPerRunMostUrgentFirst() {
    sandbox.store(aPrinter("line-1").seen(NOW));
    sandbox.store(aJob().on("line-1").priority(Priority.LOW).dispatched(1));
    Job normal =
        sandbox.store(
            aJob().on("line-1").createdAt(Jobs.T0.plus(Duration.ofMinutes(1))).dispatched(1));
    Job high =
        sandbox.store(
            aJob()
                .on("line-1")
                .priority(Priority.HIGH)
                .createdAt(Jobs.T0.plus(Duration.ofMinutes(2)))
                .dispatched(1));

    assertThat(stalePass(NOW, 2).resend()).isEqualTo(2);

    assertThat(sandbox.takeMessages(Priority.HIGH))
        .extracting(JobMessage::jobId)
        .containsExactly(high.jobId());
    assertThat(sandbox.takeMessages(Priority.NORMAL))
        .extracting(JobMessage::jobId)
        .containsExactly(normal.jobId());
    assertThat(sandbox.messagesWaiting(Priority.LOW)).isZero();
  }

  private StaleJobs stalePass(Instant now, int perPrinter) {
    return new StaleJobs(
        reads,
        store,
        new Dispatcher(store, queue),
        Clock.fixed(now, ZoneOffset.UTC),
        new DispatchSweepSettings(
            true, Duration.ofSeconds(10), Duration.ofSeconds(30), STALE_AFTER, perPrinter),
        new PrinterSettings(Duration.ofSeconds(45)));
  }
}
