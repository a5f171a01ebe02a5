package io.printrelay.function.dispatch;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
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
