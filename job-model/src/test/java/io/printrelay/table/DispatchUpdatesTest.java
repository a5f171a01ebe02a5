package io.printrelay.table;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.testing.Jobs;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The dispatch sweep's claims and marks as DynamoDB Local enforces them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatchUpdatesTest {
  private static final Duration STALE_AFTER = Duration.ofMinutes(5);
  private static final Instant NOW = Jobs.T0.plus(Duration.ofHours(1));
  private static final Instant CUTOFF = NOW.minus(STALE_AFTER);
  private final Sandbox sandbox = SharedEmbeddedAws.newSandbox();

  @Test
  void aQueuedJobWaitingPastTheCutoffIsClaimedOnceAPeriod() {
    Job job = store(aJob().dispatched(1));

    Optional<Job> first = claimStale(job, NOW);
    Optional<Job> soonAfter = claimStale(job, NOW.plusSeconds(60));
    Optional<Job> aPeriodLater = claimStale(job, NOW.plus(STALE_AFTER).plusSeconds(1));

    assertThat(first).map(Job::dispatchCount).contains(2);
    assertThat(first).map(Job::dispatchPending).contains(true);
    assertThat(soonAfter).as("re-sent a minute ago").isEmpty();
    assertThat(aPeriodLater).map(Job::dispatchCount).contains(3);
  }

  @Test
  void aJobThatEnteredItsTierAfterTheCutoffIsNotClaimed() {
    Job job = store(aJob().createdAt(CUTOFF.plusSeconds(1)));

    assertThat(claimStale(job, NOW)).isEmpty();
  }

  @Test
  void aJobAnAgentStartedOrThatIsPausedIsNotClaimed() {
    Job printing = store(aJob().printing(1, Jobs.T0));
    Job paused = store(aJob().status(JobStatus.PAUSED));

    assertThat(claimStale(printing, NOW)).isEmpty();
    assertThat(claimStale(paused, NOW)).isEmpty();
  }

  @Test
  void theMarkHoldsOnlyForTheLatestDispatchAndTheNextClaimRemovesIt() {
    Job job = store(aJob().dispatched(2));

    assertThat(mark(job, 1)).as("dispatch 1 was replaced").isFalse();
    assertThat(mark(job, 2)).isTrue();
    assertThat(read(job).deadLettered()).isTrue();

    Job claimed = claimStale(job, NOW).orElseThrow();

    assertThat(claimed.deadLettered()).isFalse();
    assertThat(read(job).deadLettered()).isFalse();
  }

  @Test
  void aFinishedOrPausedJobIsNeverMarked() {
    Job done = store(aJob().status(JobStatus.COMPLETED).dispatched(1));
    Job paused = store(aJob().status(JobStatus.PAUSED).dispatched(1));

    assertThat(mark(done, 1)).isFalse();
    assertThat(mark(paused, 1)).isFalse();
  }

  private Job store(Jobs job) {
    return job.storeIn(sandbox.dynamoDb(), sandbox.table());
  }

  private Optional<Job> claimStale(Job job, Instant now) {
    return update(DispatchUpdates.claimStale(job.jobId(), now, now.minus(STALE_AFTER)));
  }

  private boolean mark(Job job, int dispatch) {
    return update(DispatchUpdates.markDeadLettered(job.jobId(), dispatch)).isPresent();
  }

  private Optional<Job> update(ItemUpdate update) {
    try {
      return Optional.of(
          ItemMapper.job(
              sandbox
                  .dynamoDb()
                  .updateItem(update.request(sandbox.table(), ReturnValue.ALL_NEW))
                  .attributes()));
    } catch (ConditionalCheckFailedException refused) {
      return Optional.empty();
    }
  }

  private Job read(Job job) {
    return ItemMapper.job(
        sandbox.dynamoDb().getItem(JobQueries.job(sandbox.table(), job.jobId())).item());
  }
}
