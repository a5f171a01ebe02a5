package io.printrelay.function.expiry;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.storage.DynamoDbExpiryStore;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.JobQueries;
import io.printrelay.table.JobTable;
import io.printrelay.table.JobUpdates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The label expiry on DynamoDB Local, its clock set where each test needs it: labels go 30 days
 * after their job finished, never while it is unfinished, and the job is then left to its TTL.
 */
class LabelExpiryTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Duration THIRTY_DAYS = Duration.ofDays(30);

  private Sandbox sandbox;
  private DynamoDbExpiryStore store;

  @BeforeEach
  void freshSandbox() {
    sandbox = EmbeddedSandbox.newSandbox();
    store =
        new DynamoDbExpiryStore(
            sandbox.dynamoDb(),
            new PrintrelaySettings(sandbox.table(), sandbox.queueNames().prefix(), null, null));
  }

  @Test
  void deletesTheLabelsOfAJobFinishedOverThirtyDaysAgoThenLeavesTheJobToItsTtl() {
    Job done = sandbox.store(aJob().status(JobStatus.COMPLETED).labels(3).createdAt(T0));

    int expired = expiryAt(done.finishedAt().plus(THIRTY_DAYS).plusSeconds(1)).run();

    assertThat(expired).isEqualTo(1);
    assertThat(labelCount(done)).isZero();
    assertThat(sandbox.item(done.jobId()))
        .as("the job stays until its TTL deletes it, out of the finished index")
        .containsEntry(
            JobTable.EXPIRES_AT, ItemMapper.n(done.finishedAt().plus(THIRTY_DAYS).getEpochSecond()))
        .doesNotContainKeys(JobTable.FINISHED, JobTable.FINISHED_KEY);
    assertThat(expiryAt(done.finishedAt().plus(THIRTY_DAYS).plusSeconds(60)).run())
        .as("a job whose labels are gone is not due again")
        .isZero();
  }

  @Test
  void aJobFinishedThroughTheStateMachineIsDueThirtyDaysAfterItsFinish() {
    Job job = sandbox.store(aJob().labels(2).createdAt(T0));
    Instant cancelledAt = T0.plus(Duration.ofDays(10));
    sandbox
        .dynamoDb()
        .updateItem(
            JobUpdates.apply(job.jobId(), JobEvent.CANCEL, cancelledAt).request(sandbox.table()));

    assertThat(expiryAt(cancelledAt.plus(THIRTY_DAYS).minusSeconds(1)).run()).isZero();
    assertThat(labelCount(job)).isEqualTo(2);

    assertThat(expiryAt(cancelledAt.plus(THIRTY_DAYS).plusSeconds(1)).run()).isEqualTo(1);
    assertThat(labelCount(job)).isZero();
  }

  @Test
  void keepsTheLabelsOfAJobPausedForMonths() {
    Job paused = sandbox.store(aJob().status(JobStatus.PAUSED).labels(3).createdAt(T0));

    assertThat(expiryAt(T0.plus(Duration.ofDays(120))).run()).isZero();

    assertThat(labelCount(paused)).isEqualTo(3);
    assertThat(sandbox.item(paused.jobId())).doesNotContainKey(JobTable.EXPIRES_AT);
  }

  @Test
  void keepsTheLabelsOfAJobFinishedUnderThirtyDaysAgo() {
    Job done = sandbox.store(aJob().status(JobStatus.FAILED).labels(2).createdAt(T0));

    assertThat(expiryAt(done.finishedAt().plus(Duration.ofDays(29))).run()).isZero();

    assertThat(labelCount(done)).isEqualTo(2);
  }

  @Test
  void oneRunTakesABoundedNumberOfJobsAndTheNextRunTheRest() {
    for (int n = 0; n < LabelExpiry.JOBS_PER_RUN + 5; n++) {
      sandbox.store(aJob().status(JobStatus.COMPLETED).labels(1).createdAt(T0.plusSeconds(n)));
    }
    LabelExpiry expiry = expiryAt(T0.plus(Duration.ofDays(31)));

    assertThat(expiry.run()).isEqualTo(LabelExpiry.JOBS_PER_RUN);
    assertThat(expiry.run()).isEqualTo(5);
    assertThat(sandbox.countItems(JobTable.TYPE_LABEL)).isZero();
  }

  private LabelExpiry expiryAt(Instant now) {
    return new LabelExpiry(store, Clock.fixed(now, ZoneOffset.UTC));
  }

  private int labelCount(Job job) {
    return sandbox
        .dynamoDb()
        .query(JobQueries.labelStates(sandbox.table(), job.jobId()))
        .items()
        .size();
  }
}
