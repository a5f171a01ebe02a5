package io.printrelay.function.dispatch;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.config.DispatchSweepSettings;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.queue.DispatchFailed;
import io.printrelay.function.queue.JobQueue;
import io.printrelay.function.queue.QueueLocator;
import io.printrelay.function.queue.SqsJobQueue;
import io.printrelay.function.storage.DynamoDbDispatchStore;
import io.printrelay.function.storage.DynamoDbReads;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The sweep on the embedded DynamoDB and SQS, one fresh table and queues per test. */
class DispatchSweepTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final Instant A_MINUTE_AGO = NOW.minusSeconds(60);

  private Sandbox sandbox;
  private DynamoDbDispatchStore store;
  private DynamoDbReads reads;
  private JobQueue sqs;

  @BeforeEach
  void freshSandbox() {
    sandbox = EmbeddedSandbox.newSandbox();
    PrintrelaySettings settings =
        new PrintrelaySettings(sandbox.table(), sandbox.queueNames().prefix(), null, null);
    store = new DynamoDbDispatchStore(sandbox.dynamoDb(), settings);
    reads = new DynamoDbReads(sandbox.dynamoDb(), settings);
    sqs = new SqsJobQueue(sandbox.sqs(), new QueueLocator(sandbox.sqs(), settings));
  }

  @Test
  void sendsAJobStoredButNeverSentOnceItIsOlderThanTheGracePeriod() {
    Job job = sandbox.store(aJob().on("line-1").createdAt(A_MINUTE_AGO).undispatched(0));

    int sent = sweep(sqs).run();

    assertThat(sent).isEqualTo(1);
    List<Message> messages = sandbox.drain(Priority.NORMAL);
    assertThat(messages).hasSize(1);
    assertThat(JobMessages.parse(messages.get(0).body()))
        .isEqualTo(new JobMessage(job.jobId(), "line-1", Priority.NORMAL, 1));
    assertThat(messages.get(0).attributes())
        .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, job.jobId() + "-1");
    Job after = stored(job);
    assertThat(after.dispatchPending()).isFalse();
    assertThat(after.dispatchCount()).isEqualTo(1);
  }

  @Test
  void leavesAJobStillInsideTheGracePeriodToItsSubmit() {
    Job job = sandbox.store(aJob().createdAt(NOW.minusSeconds(5)).undispatched(0));

    assertThat(sweep(sqs).run()).isZero();
    assertThat(stored(job).dispatchPending()).isTrue();
    assertThat(sandbox.messagesWaiting()).isZero();
  }

  @Test
  void aResendGetsTheNextDispatchNumberSoDeduplicationKeepsIt() {
    Job job = sandbox.store(aJob().createdAt(A_MINUTE_AGO).undispatched(1));

    sweep(sqs).run();

    Message message = sandbox.drain(Priority.NORMAL).get(0);
    assertThat(JobMessages.parse(message.body()).dispatch()).isEqualTo(2);
    assertThat(message.attributes())
        .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, job.jobId() + "-2");
    assertThat(stored(job).dispatchCount()).isEqualTo(2);
  }

  @Test
  void sendsToTheQueueOfTheJobsCurrentPriority() {
    sandbox.store(aJob().priority(Priority.LOW).createdAt(A_MINUTE_AGO).undispatched(0));

    sweep(sqs).run();

    assertThat(sandbox.drain(Priority.LOW)).hasSize(1);
  }

  @Test
  void doesNotSendPausedOrFinishedJobsButClearsTheirMark() {
    Job paused =
        sandbox.store(aJob().status(JobStatus.PAUSED).createdAt(A_MINUTE_AGO).undispatched(0));
    Job cancelled =
        sandbox.store(aJob().status(JobStatus.CANCELLED).createdAt(A_MINUTE_AGO).undispatched(0));

    assertThat(sweep(sqs).run()).isZero();

    assertThat(sandbox.messagesWaiting()).isZero();
    assertThat(stored(paused).dispatchPending()).isFalse();
    assertThat(stored(cancelled).dispatchPending()).isFalse();
    assertThat(stored(paused).dispatchCount()).isZero();
  }

  @Test
  void aFailedSendIsLeftForTheNextSweep() {
    Job job = sandbox.store(aJob().createdAt(A_MINUTE_AGO).undispatched(0));
    JobQueue down =
        message -> {
          throw new DispatchFailed(message.jobId(), new IllegalStateException("SQS is down"));
        };

    assertThat(sweep(down).run()).isZero();
    assertThat(stored(job).dispatchPending()).isTrue();

    assertThat(sweep(sqs).run()).isEqualTo(1);
    assertThat(JobMessages.parse(sandbox.drain(Priority.NORMAL).get(0).body()).dispatch())
        .isEqualTo(2);
    assertThat(stored(job).dispatchPending()).isFalse();
  }

  @Test
  void redispatchAllResendsEveryQueuedAndPrintingJobWithABumpedNumber() {
    sandbox.registerPrinter("line-1");
    sandbox.registerPrinter("line-2");
    Job printing = sandbox.store(aJob().on("line-1").printing(2, A_MINUTE_AGO));
    Job queued = sandbox.store(aJob().on("line-1").priority(Priority.HIGH));
    Job other = sandbox.store(aJob().on("line-2"));
    sandbox.store(aJob().on("line-2").status(JobStatus.PAUSED));
    sandbox.store(aJob().on("line-2").status(JobStatus.COMPLETED));

    int sent = sweep(sqs).redispatchAll();

    assertThat(sent).isEqualTo(3);
    assertThat(sandbox.drain(Priority.NORMAL))
        .extracting(m -> JobMessages.parse(m.body()))
        .containsExactlyInAnyOrder(
            new JobMessage(printing.jobId(), "line-1", Priority.NORMAL, 2),
            new JobMessage(other.jobId(), "line-2", Priority.NORMAL, 2));
    assertThat(sandbox.drain(Priority.HIGH))
        .extracting(m -> JobMessages.parse(m.body()))
        .containsExactly(new JobMessage(queued.jobId(), "line-1", Priority.HIGH, 2));
    assertThat(stored(queued).dispatchPending()).isFalse();
    assertThat(sandbox.messagesWaiting()).isZero();
  }

  @Test
  void redispatchOfOnePrinterLeavesTheOthersAlone() {
    Job mine = sandbox.store(aJob().on("line-1"));
    sandbox.store(aJob().on("line-2"));

    assertThat(sweep(sqs).redispatchActive("line-1")).isEqualTo(1);
    assertThat(JobMessages.parse(sandbox.drain(Priority.NORMAL).get(0).body()).jobId())
        .isEqualTo(mine.jobId());
  }

  private DispatchSweep sweep(JobQueue queue) {
    return new DispatchSweep(
        reads,
        store,
        new Dispatcher(store, queue),
        Clock.fixed(NOW, ZoneOffset.UTC), // not the system clock: the grace is counted from NOW
        new DispatchSweepSettings(
            false, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5), 10));
  }

  private Job stored(Job job) {
    return ItemMapper.job(
        sandbox
            .dynamoDb()
            .getItem(
                b ->
                    b.tableName(sandbox.table())
                        .key(ItemKeys.job(job.jobId()))
                        .consistentRead(true))
            .item());
  }
}
