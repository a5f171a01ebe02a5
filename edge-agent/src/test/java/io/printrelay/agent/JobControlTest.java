package io.printrelay.agent;

import static io.printrelay.agent.AgentTestBed.awaitPrinted;
import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static io.printrelay.agent.AgentTestBed.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Operators acting on jobs and printers through the table while the agent prints. */
@Timeout(60)
class JobControlTest {
  private static final Duration PER_LABEL = Duration.ofMillis(25);
  private final AgentTestBed bed = new AgentTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  @Test
  void aCancelledJobStopsAtTheNextLabelBoundary() {
    VirtualPrinter printer = bed.printer("line-1", PER_LABEL);
    bed.start(printer);
    String jobId = bed.submit("line-1", Priority.NORMAL, 100);
    await().atMost(Duration.ofSeconds(10)).until(() -> printedIndexes(printer, jobId).size() >= 10);

    bed.apply(jobId, JobEvent.CANCEL);
    int atCancel = printedIndexes(printer, jobId).size();

    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> printedIndexes(printer, jobId).size() <= atCancel + 2);
    Job job = bed.job(jobId);
    assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(job.inFlightLabel()).isNull();
    List<Integer> printed = printedIndexes(printer, jobId);
    assertThat(printed).containsExactlyElementsOf(range(1, printed.size()));
    assertThat(job.printed()).isEqualTo(printed.size());
    assertThat(bed.labels(jobId).stream().filter(l -> l.status() == LabelStatus.PENDING))
        .hasSize(100 - printed.size());
    assertThat(printer.partials()).isEmpty();
  }

  @Test
  void aPausedJobStopsAtALabelBoundaryAndAResumeContinuesInPlace() {
    VirtualPrinter printer = bed.printer("line-1", PER_LABEL);
    bed.start(printer);
    String jobId = bed.submit("line-1", Priority.NORMAL, 60);
    await().atMost(Duration.ofSeconds(10)).until(() -> printedIndexes(printer, jobId).size() >= 10);

    bed.apply(jobId, JobEvent.PAUSE);
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
    int atPause = printedIndexes(printer, jobId).size();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> printedIndexes(printer, jobId).size() == atPause);
    assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.PAUSED);
    assertThat(bed.job(jobId).printed()).isEqualTo(atPause);
    bed.resumeJob(jobId, "line-1", Priority.NORMAL, 2);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, 60));
    assertThat(bed.job(jobId).uncertainLabels()).isEmpty();
  }

  @Test
  void aStaleMessageIsDeletedUnprintedAndTheNewTierPrintsTheJobOnce() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    String jobId = bed.submit("line-1", Priority.NORMAL, 5);
    bed.changePriority(jobId, Priority.HIGH, 2, false); // the high message is not sent yet
    bed.start(printer);

    await().atMost(Duration.ofSeconds(10)).until(() -> bed.allMessages() == 0);
    assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.QUEUED);
    assertThat(printer.printedCount()).isZero();

    bed.send(jobId, "line-1", Priority.HIGH, 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, 5));
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
  }

  @Test
  void aReSentJobIsPrintedOnlyOnce() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    String jobId = bed.submit("line-1", Priority.NORMAL, 20);
    bed.changePriority(jobId, Priority.HIGH, 2, true); // both tiers now hold a message for it
    bed.send(jobId, "line-1", Priority.HIGH, 2); // and a duplicate send beyond dedup
    bed.start(printer);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> printer.printedCount() == 20);
    assertThat(printedIndexes(printer, jobId)).containsExactlyElementsOf(range(1, 20));
  }

  @Test
  void aPausedPrinterHoldsItsJobsQueuedUntilResumed() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    bed.start(printer);
    bed.pausePrinter("line-1", true);

    String jobId = bed.submit("line-1", Priority.HIGH, 5);
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.messages(Priority.HIGH) == 1);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> bed.job(jobId).status() == JobStatus.QUEUED);
    assertThat(printer.printedCount()).isZero();
    bed.pausePrinter("line-1", false);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, 5));
  }

  @Test
  void pausingThePrinterMidJobStopsAtALabelBoundaryAndCarriesOnAfter() {
    VirtualPrinter printer = bed.printer("line-1", PER_LABEL);
    bed.start(printer);
    String jobId = bed.submit("line-1", Priority.NORMAL, 60);
    await().atMost(Duration.ofSeconds(10)).until(() -> printedIndexes(printer, jobId).size() >= 10);

    bed.pausePrinter("line-1", true);
    int atPause = printedIndexes(printer, jobId).size();
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(3))
        .until(() -> printedIndexes(printer, jobId).size() <= atPause + 2);
    assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.PRINTING);
    assertThat(bed.job(jobId).inFlightLabel()).isNull();
    bed.pausePrinter("line-1", false);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, 60));
    assertThat(bed.printerItem("line-1").paused()).isFalse();
  }
}
