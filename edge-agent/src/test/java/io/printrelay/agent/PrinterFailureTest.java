package io.printrelay.agent;

import static io.printrelay.agent.AgentTestBed.awaitEveryLabel;
import static io.printrelay.agent.AgentTestBed.awaitPrinted;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A printer that drops the connection, or cannot be reached at all. */
@Timeout(60)
class PrinterFailureTest {
  private final AgentTestBed bed = new AgentTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  @Test
  void aCutConnectionLosesNoLabelAndFlagsTheOneItMayHaveDuplicated() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    printer.dropConnectionAfter(50);
    bed.start(printer);

    String jobId = bed.submit("line-1", Priority.NORMAL, 200);

    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    Map<Integer, Long> copies = awaitEveryLabel(printer, jobId, 200);
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(range(1, 200));
    List<Integer> duplicated =
        copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    Job job = bed.job(jobId);
    assertThat(duplicated).hasSizeLessThanOrEqualTo(1);
    assertThat(job.uncertainLabels()).hasSize(1).containsAll(duplicated);
    assertThat(job.printed()).isEqualTo(200);
    assertThat(printer.connectionCount()).isGreaterThanOrEqualTo(2);
    assertThat(printer.partials()).noneMatch(partial -> partial.contains("^XA"));
    assertThat(printer.printed())
        .allMatch(format -> format.startsWith("^XA") && format.endsWith("^XZ"));
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
  }

  @Test
  void anUnreachablePrinterFailsTheJobAfterThreeAttemptsAndShowsOffline() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    printer.refuseConnections(true);
    bed.start(printer);

    String jobId = bed.submit("line-1", Priority.NORMAL, 10);

    await().atMost(Duration.ofSeconds(20)).until(() -> bed.job(jobId).status() == JobStatus.FAILED);
    Job job = bed.job(jobId);
    assertThat(job.failedLabels()).containsExactly(1);
    assertThat(job.printed()).isZero();
    assertThat(job.error()).contains("label 1").contains("cannot connect");
    assertThat(job.finishedAt()).isNotNull();
    List<Label> labels = bed.labels(jobId);
    assertThat(labels.get(0).status()).isEqualTo(LabelStatus.FAILED);
    assertThat(labels.get(0).attempts()).isEqualTo(3);
    assertThat(labels.get(0).error()).contains("cannot connect");
    assertThat(labels.subList(1, 10)).allMatch(label -> label.status() == LabelStatus.PENDING);
    var item = bed.printerItem("line-1");
    assertThat(item.state()).isEqualTo(PrinterState.OFFLINE);
    assertThat(item.detail()).contains("cannot connect");
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
  }

  @Test
  void jobsWaitWhileThePrinterIsOfflineAndPrintOnceItIsBack() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    printer.refuseConnections(true);
    bed.start(printer);
    String failed = bed.submit("line-1", Priority.NORMAL, 3);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(failed).status() == JobStatus.FAILED);

    String waiting = bed.submit("line-1", Priority.NORMAL, 3);
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.messages(Priority.NORMAL) == 1);
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(3))
        .until(() -> bed.job(waiting).status() == JobStatus.QUEUED);
    printer.refuseConnections(false);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bed.job(waiting).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, waiting, List.of(1, 2, 3));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> bed.printerItem("line-1").state() == PrinterState.READY);
  }
}
