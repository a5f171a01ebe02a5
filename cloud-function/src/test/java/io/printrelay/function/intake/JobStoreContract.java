package io.printrelay.function.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.intake.JobStore.Created;
import io.printrelay.function.intake.JobStore.Duplicate;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelSource;
import io.printrelay.model.Priority;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} must do, run against the in-memory fake and the DynamoDB adapter
 * alike, so that unit tests on the fake say something true about production.
 */
public abstract class JobStoreContract {
  protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  protected abstract JobStore store();

  protected abstract void registerPrinter(String printerId);

  protected abstract int labelCount(String jobId);

  /** The job as stored now, read past the store under test. */
  protected abstract Optional<Job> stored(String jobId);

  @Test
  void knowsOnlyRegisteredPrinters() {
    registerPrinter("known-1");

    assertThat(store().printerRegistered("known-1")).isTrue();
    assertThat(store().printerRegistered("unknown-1")).isFalse();
  }

  @Test
  void createdJobReadsBackAsWritten() {
    Job job = aJob();

    assertThat(store().create(job, Optional.empty())).isEqualTo(new Created());
    assertThat(stored(job.jobId())).contains(job);
  }

  @Test
  void aClaimedKeyLeadsToItsJob() {
    Job job = aJob();
    store().create(job, claim("odoo", "order-1"));

    assertThat(store().jobFor("odoo", "order-1")).map(Job::jobId).contains(job.jobId());
    assertThat(store().jobFor("other-caller", "order-1")).isEmpty();
  }

  @Test
  void aSecondJobWithTheSameKeyIsRefusedAndNamesTheFirst() {
    Job first = aJob();
    Job second = aJob();
    store().create(first, claim("odoo", "order-2"));

    assertThat(store().create(second, claim("odoo", "order-2")))
        .isEqualTo(new Duplicate(first.jobId()));
    assertThat(stored(second.jobId())).isEmpty();
  }

  @Test
  void aClaimKeepsTheHashOfItsRequestAndARefusalNamesIt() {
    Job first = aJob();
    store().create(first, Optional.of(IdempotencyClaim.of("odoo", "order-4", "abc123", NOW)));

    assertThat(store().claimOf("odoo", "order-4")).contains(new JobStore.Claimed(first, "abc123"));
    assertThat(
            store()
                .create(aJob(), Optional.of(IdempotencyClaim.of("odoo", "order-4", "def456", NOW))))
        .isEqualTo(new Duplicate(first.jobId(), "abc123"));
  }

  @Test
  void theSameKeyFromAnotherCallerIsAnotherJob() {
    store().create(aJob(), claim("odoo", "order-3"));

    assertThat(store().create(aJob(), claim("shop", "order-3"))).isEqualTo(new Created());
  }

  @Test
  void aResumptionIsRecordedOnTheJobItResumes() {
    Job cancelled = finished(JobStatus.CANCELLED);
    Job followUp = followUpOf(cancelled);

    assertThat(store().createResumption(followUp)).isEqualTo(new Created());

    assertThat(stored(followUp.jobId())).contains(followUp);
    assertThat(stored(cancelled.jobId())).contains(cancelled.withResumedAs(followUp.jobId()));
    assertThat(store().job(followUp.jobId())).contains(followUp);
  }

  @Test
  void aSecondResumptionOfTheSameJobIsRefusedAndNamesTheFirst() {
    Job failed = finished(JobStatus.FAILED);
    Job first = followUpOf(failed);
    Job second = followUpOf(failed);
    store().createResumption(first);

    assertThat(store().createResumption(second)).isEqualTo(new Duplicate(first.jobId()));
    assertThat(stored(second.jobId())).isEmpty();
    assertThat(stored(failed.jobId()).orElseThrow().resumedAs()).isEqualTo(first.jobId());
  }

  @Test
  void labelsCanBeStoredAndDeleted() {
    String jobId = UUID.randomUUID().toString();
    store()
        .putLabels(
            List.of(
                NewLabel.submitted(Label.pending(jobId, 1, new byte[] {1})),
                new NewLabel(
                    Label.pending(jobId, 2, new byte[] {2}), new LabelSource("parent", 7))));
    assertThat(labelCount(jobId)).isEqualTo(2);

    store().deleteLabels(jobId, 2);
    assertThat(labelCount(jobId)).isZero();
  }

  protected static Job aJob() {
    return Job.accepted(
        UUID.randomUUID().toString(), "line-1", Priority.NORMAL, "MO/1", 2, null, NOW);
  }

  private Job finished(JobStatus status) {
    Job job = aJob().withStatus(status);
    store().create(job, Optional.empty());
    return job;
  }

  private static Job followUpOf(Job parent) {
    return Job.accepted(
        UUID.randomUUID().toString(), "line-1", Priority.HIGH, "MO/1", 1, parent.jobId(), NOW);
  }

  private static Optional<IdempotencyClaim> claim(String scope, String key) {
    return Optional.of(IdempotencyClaim.of(scope, key, NOW));
  }
}
