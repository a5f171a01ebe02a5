package io.printrelay.local;

import static io.printrelay.agent.AgentTestBed.awaitPrinted;
import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static io.printrelay.agent.AgentTestBed.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.agent.AgentTestBed;
import io.printrelay.function.actions.ActionOutcome;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Operators acting on jobs and printers while the agent prints: each action is the cloud function's
 * own use case ({@link OperatorTestBed}), on the agent's table and queues.
 */
@Timeout(60)
class JobControlTest {
  private static final Duration PER_LABEL = Duration.ofMillis(25);
  private final OperatorTestBed operator = new OperatorTestBed();
  private final AgentTestBed bed = operator.agents;

  @AfterEach
  void tearDown() {
    operator.close();
  }

  @Test
  void aCancelledJobStopsAtTheNextLabelBoundary() {
    VirtualPrinter printer = bed.printer("line-1", PER_LABEL);
    bed.start(printer);
    String jobId = bed.submit("line-1", Priority.NORMAL, 100);
    await().atMost(Duration.ofSeconds(10)).until(() -> printedIndexes(printer, jobId).size() >= 10);

    operator.cancel(jobId);
    // What the printer had when the cancel answered: on paper, on the head or in its buffer.
    int atCancel = printedIndexes(printer, jobId).size() + printer.bufferedCount() + 1;

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

    operator.pause(jobId);
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
    int atPause = printedIndexes(printer, jobId).size();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> printedIndexes(printer, jobId).size() == atPause);
    assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.PAUSED);
    assertThat(bed.job(jobId).printed()).isEqualTo(atPause);
    ActionOutcome resumed = operator.resume(jobId);
    assertThat(resumed.created()).as("resumed in place").isFalse();

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
    operator.functionCannotReachTheQueues(); // so the high message is not sent yet
    operator.changePriority(jobId, Priority.HIGH);
    operator.restore();
    assertThat(bed.messages(Priority.HIGH)).isZero();
    bed.start(printer);

    await().atMost(Duration.ofSeconds(10)).until(() -> bed.allMessages() == 0);
    assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.QUEUED);
    assertThat(printer.printedCount()).isZero();

    assertThat(operator.sweep()).as("the dispatch sweep sends it").isEqualTo(1);
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
    operator.changePriority(jobId, Priority.HIGH); // both tiers now hold a message for it
    bed.sendDuplicate(jobId, "line-1", Priority.HIGH, 2); // and its dispatch once more
    assertThat(bed.messages(Priority.NORMAL)).isEqualTo(1);
    assertThat(bed.messages(Priority.HIGH)).as("the duplicate passed dedup").isEqualTo(2);
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
    operator.pausePrinter("line-1");

    String jobId = bed.submit("line-1", Priority.HIGH, 5);
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.messages(Priority.HIGH) == 1);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> bed.job(jobId).status() == JobStatus.QUEUED);
    assertThat(printer.printedCount()).isZero();
    operator.resumePrinter("line-1");

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

    operator.pausePrinter("line-1");
    int atPause = printedIndexes(printer, jobId).size() + printer.bufferedCount() + 1;
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(3))
        .until(() -> printedIndexes(printer, jobId).size() <= atPause + 2);
    assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.PRINTING);
    assertThat(bed.job(jobId).inFlightLabel()).isNull();
    operator.resumePrinter("line-1");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, 60));
    assertThat(bed.printerItem("line-1").paused()).isFalse();
  }

  @Test
  void waitingJobsPrintInTheTablesQueueOrderNotInTheOrderTheirMessagesCame() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    bed.start(printer).close(); // an earlier run of the agent registered the printer
    operator.pausePrinter("line-1"); // so that both messages are held before either job starts
    String swept = bed.storeUnsent("line-1", Priority.NORMAL, 3, Instant.now().minusSeconds(60));
    String younger = bed.submit("line-1", Priority.NORMAL, 3);
    assertThat(operator.sweep()).as("the dispatch sweep sends it only now").isEqualTo(1);
    // Both are on the queue before the agent starts: FIFO would hold the swept one back behind
    // the younger one (same printer, same tier) had the agent received that one alone.
    bed.start(printer);
    await().atMost(Duration.ofSeconds(10)).until(() -> bed.heldMessages(Priority.NORMAL) == 2);

    operator.resumePrinter("line-1");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bed.job(younger).status() == JobStatus.COMPLETED);
    assertThat(AgentTestBed.jobOrder(printer)).containsExactly(swept, younger);
  }
}
