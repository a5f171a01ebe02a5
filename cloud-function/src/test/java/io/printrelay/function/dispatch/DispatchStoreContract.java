package io.printrelay.function.dispatch;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DispatchStore} must do, on the in-memory fake and the DynamoDB adapter alike: a
 * dispatch is claimed only for a job still to print, and confirmed only while it is the latest.
 */
public abstract class DispatchStoreContract {
  protected abstract DispatchStore store();

  /** Puts the job in the store as a submit or the agent would have left it. */
  protected abstract void given(Job job);

  /** The job as stored now, read past the store under test. */
  protected abstract Job stored(String jobId);

  @Test
  void confirmingClearsTheMarkAndRecordsTheNumber() {
    Job job = accepted();

    store().confirmDispatched(job.jobId(), 1);

    Job stored = stored(job.jobId());
    assertThat(stored.dispatchPending()).isFalse();
    assertThat(stored.dispatchCount()).isEqualTo(1);
  }

  @Test
  void aRepeatedConfirmationArrivingAfterANewerClaimLeavesThatClaimsMark() {
    Job job = accepted();
    store().confirmDispatched(job.jobId(), 1);
    assertThat(stored(job.jobId()).dispatchPending()).isFalse();
    assertThat(store().claimRedispatch(job.jobId())).map(Job::dispatchCount).contains(2);

    store().confirmDispatched(job.jobId(), 1); // a retried write of the first confirmation

    Job stored = stored(job.jobId());
    assertThat(stored.dispatchPending()).as("dispatch 2 is not sent yet").isTrue();
    assertThat(stored.dispatchCount()).isEqualTo(2);
  }

  @Test
  void aConfirmationOfAnOlderDispatchLeavesTheNewerClaimsMark() {
    Job job = accepted();
    assertThat(store().claimRedispatch(job.jobId())).map(Job::dispatchCount).contains(2);

    store().confirmDispatched(job.jobId(), 1);
    assertThat(stored(job.jobId()).dispatchPending()).isTrue();

    store().confirmDispatched(job.jobId(), 2);
    assertThat(stored(job.jobId()).dispatchPending()).isFalse();
  }

  @Test
  void onlyAJobStillToPrintGetsANextDispatch() {
    Job paused = aJob().status(JobStatus.PAUSED).undispatched(1).build();
    Job sent = aJob().dispatched(1).build();
    given(paused);
    given(sent);

    assertThat(store().claimRedispatch(paused.jobId())).isEmpty();
    assertThat(store().claimUndispatched(paused.jobId())).isEmpty();
    assertThat(store().claimUndispatched(sent.jobId())).as("its mark is gone").isEmpty();
    assertThat(store().claimRedispatch(sent.jobId())).map(Job::dispatchPending).contains(true);
  }

  @Test
  void aQueuedJobWaitingPastTheCutoffIsReSentOncePerPeriod() {
    Job job = aJob().dispatched(1).build();
    given(job);
    Instant now = job.createdAt().plus(Duration.ofHours(1));
    Duration period = Duration.ofMinutes(5);

    assertThat(store().claimStale(job.jobId(), now, now.minus(period)))
        .map(Job::dispatchCount)
        .contains(2);
    Instant soon = now.plusSeconds(60);
    assertThat(store().claimStale(job.jobId(), soon, soon.minus(period))).isEmpty();
    Instant later = now.plus(period).plusSeconds(1);
    assertThat(store().claimStale(job.jobId(), later, later.minus(period)))
        .map(Job::dispatchCount)
        .contains(3);
  }

  @Test
  void onlyAQueuedJobThatEnteredItsTierBeforeTheCutoffIsReSentAsStale() {
    Job fresh = aJob().dispatched(1).build();
    Job printing = aJob().printing(1, Jobs.T0).dispatched(1).build();
    given(fresh);
    given(printing);

    assertThat(store().claimStale(fresh.jobId(), Jobs.T0, Jobs.T0.minusSeconds(1))).isEmpty();
    Instant later = Jobs.T0.plus(Duration.ofHours(1));
    assertThat(store().claimStale(printing.jobId(), later, later.minusSeconds(300))).isEmpty();
  }

  @Test
  void aDeadLetterMarkHoldsForTheLatestDispatchUntilTheNextClaim() {
    Job job = aJob().dispatched(2).build();
    Job done = aJob().status(JobStatus.COMPLETED).dispatched(1).build();
    given(job);
    given(done);

    assertThat(store().markDeadLettered(job.jobId(), 1)).as("an older dispatch").isFalse();
    assertThat(store().markDeadLettered(done.jobId(), 1)).as("a finished job").isFalse();
    assertThat(store().markDeadLettered(job.jobId(), 2)).isTrue();
    assertThat(stored(job.jobId()).deadLettered()).isTrue();

    assertThat(store().claimRedispatch(job.jobId())).map(Job::deadLettered).contains(false);
    assertThat(stored(job.jobId()).deadLettered()).isFalse();
  }

  private Job accepted() {
    Job job =
        Job.accepted(
            UUID.randomUUID().toString(),
            "line-1",
            Priority.NORMAL,
            "MO/1",
            2,
            null,
            Instant.parse("2026-03-01T08:00:00Z"));
    given(job);
    return job;
  }
}
