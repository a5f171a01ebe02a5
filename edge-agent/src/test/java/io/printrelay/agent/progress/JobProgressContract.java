package io.printrelay.agent.progress;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.testing.Jobs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobProgress} must do, run against DynamoDB Local and the in-memory fake alike:
 * each write's condition and each counter.
 */
abstract class JobProgressContract {
  static final Instant T0 = Jobs.T0;
  static final Instant T1 = Instant.parse("2026-03-01T08:05:00Z");

  abstract JobProgress progress();

  abstract void store(Job job, List<Label> labels);

  abstract void pausePrinter(String printerId);

  abstract Label label(String jobId, int index);

  void register(String printerId) {}

  @Test
  void startMovesAQueuedJobToPrintingAndKeepsTheFirstStartTime() {
    store("j1", JobStatus.QUEUED, 3);

    Job started = progress().start("j1", T0);
    Job again = progress().start("j1", T1);

    assertThat(started.status()).isEqualTo(JobStatus.PRINTING);
    assertThat(again.startedAt()).isEqualTo(T0);
  }

  @Test
  void startRefusesAPausedOrMissingJob() {
    store("j1", JobStatus.PAUSED, 3);

    assertThatThrownBy(() -> progress().start("j1", T0)).isInstanceOf(ProgressConflict.class);
    assertThatThrownBy(() -> progress().start("nope", T0)).isInstanceOf(ProgressConflict.class);
    assertThat(progress().job("j1").orElseThrow().status()).isEqualTo(JobStatus.PAUSED);
    assertThat(progress().job("nope")).isEmpty();
  }

  @Test
  void aStartedLabelIsInFlightAndCountsAnAttempt() {
    store("j1", JobStatus.PRINTING, 3);

    assertThat(progress().startLabel("p1", "j1", 2)).isEqualTo(LabelStart.STARTED);

    Job job = progress().job("j1").orElseThrow();
    assertThat(job.currentLabel()).isEqualTo(2);
    assertThat(job.inFlightLabel()).isEqualTo(2);
    assertThat(label("j1", 2).attempts()).isEqualTo(1);
  }

  @Test
  void aLabelDoesNotStartOnAPausedPrinterAndNothingIsWritten() {
    store("j1", JobStatus.PRINTING, 3);
    register("p1");
    pausePrinter("p1");

    assertThat(progress().startLabel("p1", "j1", 1)).isEqualTo(LabelStart.PRINTER_PAUSED);

    assertThat(progress().job("j1").orElseThrow().inFlightLabel()).isNull();
    assertThat(label("j1", 1).attempts()).isZero();
  }

  @Test
  void aStoppedJobWinsOverAPausedPrinter() {
    store("j1", JobStatus.CANCELLED, 3);
    register("p1");
    pausePrinter("p1");

    assertThat(progress().startLabel("p1", "j1", 1)).isEqualTo(LabelStart.JOB_NOT_PRINTING);
  }

  @Test
  void aLabelAlreadyPrintedIsNotStartedAgain() {
    store("j1", JobStatus.PRINTING, 3);
    progress().startLabel("p1", "j1", 1);
    progress().labelPrinted("j1", 1, T1);

    assertThat(progress().startLabel("p1", "j1", 1)).isEqualTo(LabelStart.LABEL_NOT_PENDING);
  }

  @Test
  void aPrintedLabelIsCountedOnceAndLeavesFlight() {
    store("j1", JobStatus.PRINTING, 3);
    progress().startLabel("p1", "j1", 1);

    progress().labelPrinted("j1", 1, T1);
    progress().labelPrinted("j1", 1, T1); // repeated: no second count

    Job job = progress().job("j1").orElseThrow();
    assertThat(job.printed()).isEqualTo(1);
    assertThat(job.inFlightLabel()).isNull();
    assertThat(job.currentLabel()).isEqualTo(1);
    Label label = label("j1", 1);
    assertThat(label.status()).isEqualTo(LabelStatus.PRINTED);
    assertThat(label.printedAt()).isEqualTo(T1);
  }

  @Test
  void aLabelPrintedAfterItsJobWasCancelledIsStillRecordedPrinted() {
    // A cancel lands between labels only for the agent: the label it was sending finishes, and
    // the table must say that label is on paper, whatever the job's status now.
    store(aJob().id("j1").on("p1").status(JobStatus.CANCELLED).labels(3).inFlight(2));

    progress().labelPrinted("j1", 2, T1);

    Job job = progress().job("j1").orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(job.printed()).isEqualTo(1);
    assertThat(job.inFlightLabel()).isNull();
    assertThat(label("j1", 2).status()).isEqualTo(LabelStatus.PRINTED);
  }

  @Test
  void aFailedLabelIsListedOnTheJobWithItsError() {
    store("j1", JobStatus.PRINTING, 3);
    progress().startLabel("p1", "j1", 2);

    progress().labelFailed("j1", 2, "cannot connect");

    Job job = progress().job("j1").orElseThrow();
    assertThat(job.failedLabels()).containsExactly(2);
    assertThat(job.inFlightLabel()).isNull();
    assertThat(label("j1", 2).status()).isEqualTo(LabelStatus.FAILED);
    assertThat(label("j1", 2).error()).isEqualTo("cannot connect");
  }

  @Test
  void anUncertainLabelIsFlaggedListedAndStillPending() {
    store("j1", JobStatus.PRINTING, 3);
    progress().startLabel("p1", "j1", 3);

    progress().markUncertain("j1", 3);
    progress().markUncertain("j1", 3);

    Job job = progress().job("j1").orElseThrow();
    assertThat(job.uncertainLabels()).containsExactly(3);
    assertThat(job.inFlightLabel()).isNull();
    assertThat(label("j1", 3).uncertain()).isTrue();
    assertThat(label("j1", 3).status()).isEqualTo(LabelStatus.PENDING);
  }

  @Test
  void interruptedJobsAreThePrintersJobsLeftPrinting() {
    store("printing", JobStatus.PRINTING, 1);
    store("queued", JobStatus.QUEUED, 1);
    storeFor("other", "p2", JobStatus.PRINTING, 1);

    assertThat(progress().interrupted("p1")).containsExactly("printing");
  }

  @Test
  void aFinishedJobNoLongerWaitsForADispatch() {
    store(aJob().id("j1").on("p1").status(JobStatus.PRINTING).labels(1).undispatched(2));

    progress().complete("j1", T1);

    assertThat(progress().job("j1").orElseThrow().dispatchPending()).isFalse();
  }

  void store(String jobId, JobStatus status, int labels) {
    storeFor(jobId, "p1", status, labels);
  }

  void storeFor(String jobId, String printerId, JobStatus status, int labels) {
    store(aJob().id(jobId).on(printerId).status(status).labels(labels).createdAt(T0));
  }

  void store(Jobs builder) {
    Job job = builder.build();
    store(job, builder.labelsOf(job));
  }
}
