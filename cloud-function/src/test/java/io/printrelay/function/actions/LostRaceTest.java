package io.printrelay.function.actions;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.problem.Conflict;
import io.printrelay.function.problem.StatusConflicts;
import io.printrelay.function.storage.DynamoDbJobActionStore;
import io.printrelay.function.storage.DynamoDbReads;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.IllegalStatusChange;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An action decided on a read that is already stale when it writes (the agent or another operator
 * moved the job meanwhile): the conditional write refuses, the job is read again, and the action
 * decides on what it says now. On the real adapter over DynamoDB Local.
 */
class LostRaceTest {
  private static final Sandbox SANDBOX = EmbeddedSandbox.newSandbox();

  private static final PrintrelaySettings SETTINGS =
      new PrintrelaySettings(SANDBOX.table(), "unused", null, null);

  /** The real reads, answering stale jobs first, as if the job moved just after. */
  static final class StaleReads extends DynamoDbReads {
    final Deque<Job> stale = new ArrayDeque<>();

    StaleReads() {
      super(SANDBOX.dynamoDb(), SETTINGS);
    }

    @Override
    public Optional<Job> job(String jobId) {
      return stale.isEmpty() ? super.job(jobId) : Optional.of(stale.pop());
    }
  }

  private final StaleReads reads = new StaleReads();
  private final DynamoDbJobActionStore store =
      new DynamoDbJobActionStore(SANDBOX.dynamoDb(), SETTINGS);

  @Test
  void aPauseDecidedOnAQueuedJobThatCompletedMeanwhileIs409NamingCompleted() {
    Job completed = SANDBOX.store(aJob().status(JobStatus.COMPLETED));
    reads.stale.push(withStatus(completed, JobStatus.QUEUED));

    assertThatThrownBy(() -> pauseJob().pause(completed.jobId()))
        .isInstanceOfSatisfying(
            IllegalStatusChange.class,
            refused ->
                assertThat(StatusConflicts.of(refused)).hasMessageContaining("is completed"));
    assertThat(SANDBOX.job(completed.jobId())).isEqualTo(completed);
  }

  @Test
  void aPauseDecidedOnAPrintingJobThatIsQueuedNowRetriesOnTheFreshRead() {
    Job queued = SANDBOX.store(aJob());
    reads.stale.push(withStatus(queued, JobStatus.PRINTING));

    Job paused = pauseJob().pause(queued.jobId());

    assertThat(paused.status()).isEqualTo(JobStatus.PAUSED);
    assertThat(SANDBOX.job(queued.jobId()).status()).isEqualTo(JobStatus.PAUSED);
  }

  @Test
  void aTierChangeChecksThePriorityItWasDecidedOnToo() {
    Job job = SANDBOX.store(aJob().priority(Priority.LOW));

    assertThatThrownBy(
            () ->
                store.reprioritise(
                    job.jobId(), JobStatus.QUEUED, Priority.NORMAL, Priority.HIGH, Instant.now()))
        .isInstanceOf(JobChanged.class);
    assertThat(SANDBOX.job(job.jobId())).isEqualTo(job);
  }

  @Test
  void aJobThatKeepsMovingIsAnsweredWith409RatherThanRetriedForever() {
    Job completed = SANDBOX.store(aJob().status(JobStatus.COMPLETED));
    reads.stale.push(withStatus(completed, JobStatus.QUEUED));
    reads.stale.push(withStatus(completed, JobStatus.PRINTING));

    assertThatThrownBy(() -> pauseJob().pause(completed.jobId()))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("keeps changing");
  }

  private PauseJob pauseJob() {
    return new PauseJob(reads, store, Clock.systemUTC());
  }

  private static Job withStatus(Job job, JobStatus status) {
    return job.withStatus(status).withTimes(job.enqueuedAt(), job.startedAt(), null);
  }
}
