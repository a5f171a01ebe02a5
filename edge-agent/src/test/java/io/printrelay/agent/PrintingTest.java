package io.printrelay.agent;

import static io.printrelay.agent.AgentTestBed.awaitPrinted;
import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static io.printrelay.agent.AgentTestBed.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.PrinterState;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Jobs printed end to end: embedded SQS and DynamoDB, virtual printers on loopback sockets. */
@Timeout(60)
class PrintingTest {
  private final AgentTestBed bed = new AgentTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  @Test
  void printsA200LabelJobInOrderAndCompletesIt() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    bed.start(printer);

    String jobId = bed.submit("line-1", Priority.NORMAL, 200);

    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, 200));
    Job job = bed.job(jobId);
    assertThat(job.printed()).isEqualTo(200);
    assertThat(job.failedLabels()).isEmpty();
    assertThat(job.uncertainLabels()).isEmpty();
    assertThat(job.inFlightLabel()).isNull();
    assertThat(job.currentLabel()).isNull();
    assertThat(job.startedAt()).isNotNull();
    assertThat(job.finishedAt()).isAfterOrEqualTo(job.startedAt());
    List<Label> labels = bed.labels(jobId);
    assertThat(labels)
        .hasSize(200)
        .allSatisfy(
            label -> {
              assertThat(label.status()).isEqualTo(LabelStatus.PRINTED);
              assertThat(label.attempts()).isEqualTo(1);
              assertThat(label.printedAt()).isNotNull();
            });
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
    assertThat(printer.partials()).isEmpty();
  }

  @Test
  void registersItsPrintersAndReportsThem() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    bed.start(printer);

    var item = bed.printerItem("line-1");
    assertThat(item.state()).isEqualTo(PrinterState.READY);
    assertThat(item.agentId()).isEqualTo("test-agent");
    assertThat(item.host()).isEqualTo("127.0.0.1");
    assertThat(item.port()).isEqualTo(printer.port());
    assertThat(item.lastSeen()).isNotNull();
    assertThat(item.paused()).isFalse();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> bed.printerItem("line-1").lastSeen().isAfter(item.lastSeen()));
  }

  @Test
  void leavesJobsForPrintersItDoesNotServeToOthers() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    bed.start(printer);

    String theirs = bed.submit("line-9", Priority.NORMAL, 3);
    String ours = bed.submit("line-1", Priority.NORMAL, 3);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bed.job(ours).status() == JobStatus.COMPLETED);
    assertThat(bed.job(theirs).status()).isEqualTo(JobStatus.QUEUED);
    assertThat(printedIndexes(printer, theirs)).isEmpty();
  }

  @Test
  void urgentJobsJumpTheQueueOfABusyPrinter() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(20));
    bed.start(printer);
    // The first job sits in the low tier: FIFO holds the next low message back until the first
    // one is deleted, while the normal and high ones reach the agent as it prints.
    String first = bed.submit("line-1", Priority.LOW, 20);
    await().atMost(Duration.ofSeconds(10)).until(() -> printedIndexes(printer, first).size() > 2);
    // The printer's own pause key holds the label in hand, so the first job is still printing
    // when the others arrive however slowly they do.
    printer.setPaused(true);

    String low = bed.submit("line-1", Priority.LOW, 5);
    String normal = bed.submit("line-1", Priority.NORMAL, 5);
    String high = bed.submit("line-1", Priority.HIGH, 5);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> bed.heldMessages(Priority.HIGH) == 1 && bed.heldMessages(Priority.NORMAL) == 1);
    assertThat(bed.job(first).status())
        .as("still busy with the first job")
        .isEqualTo(JobStatus.PRINTING);
    printer.setPaused(false);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bed.job(low).status() == JobStatus.COMPLETED);
    assertThat(AgentTestBed.jobOrder(printer)).containsExactly(first, high, normal, low);
  }

  @Test
  void twoPrintersPrintInParallel() {
    VirtualPrinter one = bed.printer("line-1", Duration.ofMillis(20));
    VirtualPrinter two = bed.printer("line-2", Duration.ofMillis(20));
    bed.start(one, two);

    String a = bed.submit("line-1", Priority.NORMAL, 40);
    String b = bed.submit("line-2", Priority.NORMAL, 40);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                bed.job(a).status() == JobStatus.COMPLETED
                    && bed.job(b).status() == JobStatus.COMPLETED);
    Job jobA = bed.job(a);
    Job jobB = bed.job(b);
    assertThat(jobA.startedAt()).as("overlapping").isBefore(jobB.finishedAt());
    assertThat(jobB.startedAt()).as("overlapping").isBefore(jobA.finishedAt());
    awaitPrinted(one, a, range(1, 40));
    awaitPrinted(two, b, range(1, 40));
    assertThat(printedIndexes(one, b)).isEmpty();
  }
}
