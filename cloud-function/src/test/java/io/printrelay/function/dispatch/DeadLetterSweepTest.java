package io.printrelay.function.dispatch;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.queue.SqsDeadLetterQueues;
import io.printrelay.function.storage.DynamoDbDispatchStore;
import io.printrelay.function.storage.DynamoDbReads;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.queue.QueueUrls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep's pass over the dead-letter queues, on the embedded SQS and DynamoDB. */
class DeadLetterSweepTest {
  private Sandbox sandbox;
  private QueueUrls deadLetterQueues;
  private SqsDeadLetterQueues deadLetters;
  private DeadLetterSweep sweep;

  @BeforeEach
  void freshSandbox() {
    sandbox = EmbeddedSandbox.newSandbox();
    PrintrelaySettings settings =
        new PrintrelaySettings(sandbox.table(), sandbox.queueNames().prefix(), null, null);
    deadLetterQueues = QueueUrls.resolveDeadLetters(sandbox.sqs(), sandbox.queueNames());
    deadLetters = new SqsDeadLetterQueues(sandbox.sqs(), settings);
    sweep =
        new DeadLetterSweep(
            deadLetters,
            new DynamoDbReads(sandbox.dynamoDb(), settings),
            new DynamoDbDispatchStore(sandbox.dynamoDb(), settings));
  }

  @Test
  void aJobWaitingOnItsDeadLetteredMessageIsMarkedAndTheMessageKept() {
    Job queued = sandbox.store(aJob().dispatched(1));
    Job printing = sandbox.store(aJob().printing(2, queued.createdAt()).dispatched(3));
    deadLetter(queued, 1, Priority.NORMAL);
    deadLetter(printing, 3, Priority.HIGH);

    assertThat(sweep.sweep()).isEqualTo(2);

    assertThat(sandbox.job(queued.jobId()).deadLettered()).isTrue();
    assertThat(sandbox.job(printing.jobId()).deadLettered()).isTrue();
    assertThat(deadLetters.count()).hasValue(2);
  }

  @Test
  void aDeadLetteredMessageNoJobWaitsOnIsDeleted() {
    Job resent = sandbox.store(aJob().dispatched(2));
    Job done = sandbox.store(aJob().status(JobStatus.COMPLETED).dispatched(1));
    Job paused = sandbox.store(aJob().status(JobStatus.PAUSED).dispatched(1));
    deadLetter(resent, 1, Priority.NORMAL);
    deadLetter(done, 1, Priority.NORMAL);
    deadLetter(paused, 1, Priority.LOW);
    send(deadLetterQueues.of(Priority.LOW), new JobMessage("gone", "line-1", Priority.LOW, 1));

    assertThat(sweep.sweep()).isZero();

    assertThat(deadLetters.count()).hasValue(0);
    assertThat(sandbox.job(resent.jobId()).deadLettered()).isFalse();
    assertThat(sandbox.job(paused.jobId()).deadLettered()).isFalse();
  }

  @Test
  void aDeadLetterThatIsNoJobMessageIsLeftForAnOperatorAndCounted() {
    sandbox
        .sqs()
        .sendMessage(
            b ->
                b.queueUrl(deadLetterQueues.of(Priority.NORMAL))
                    .messageBody("not a job")
                    .messageGroupId("line-1")
                    .messageDeduplicationId("garbage"));

    assertThat(sweep.sweep()).isZero();

    assertThat(deadLetters.count()).hasValue(1);
  }

  @Test
  void emptyDeadLetterQueuesCountZero() {
    assertThat(sweep.sweep()).isZero();
    assertThat(deadLetters.count()).hasValue(0);
  }

  private void deadLetter(Job job, int dispatch, Priority tier) {
    send(
        deadLetterQueues.of(tier),
        new JobMessage(job.jobId(), job.printerId(), job.priority(), dispatch));
  }

  private void send(String queueUrl, JobMessage message) {
    sandbox.sqs().sendMessage(JobMessages.sendRequest(queueUrl, message));
  }
}
