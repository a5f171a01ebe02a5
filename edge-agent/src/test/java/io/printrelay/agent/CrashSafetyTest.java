package io.printrelay.agent;

import static io.printrelay.agent.AgentTestBed.awaitEveryLabel;
import static io.printrelay.agent.AgentTestBed.awaitPrinted;
import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static io.printrelay.agent.AgentTestBed.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/printing.md#crash-safety: killed at any moment, an agent restarts and reprints nothing
 * recorded.
 */
@Timeout(90)
class CrashSafetyTest {
  private final AgentTestBed bed = new AgentTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  @Test
  void anAgentKilledMidJobIsFinishedByTheNextOneWithoutReprintingRecordedLabels() throws Exception {
    VirtualPrinter printer = bed.printer("vp", Duration.ofMillis(20));
    String jobId = bed.submit("vp", Priority.NORMAL, 120);
    Process killed = startAgentProcess(printer);
    try {
      await()
          .atMost(Duration.ofSeconds(40))
          .until(() -> printedIndexes(printer, jobId).size() >= 40);
    } finally {
      killed.destroyForcibly(); // SIGKILL: no shutdown hook, no release, nothing written
      killed.waitFor(10, TimeUnit.SECONDS);
    }
    // The killed agent's last label is at most the one after the last on paper now.
    int lastSentByTheKilled =
        printedIndexes(printer, jobId).stream().max(Integer::compare).orElse(0) + 1;
    Set<Integer> recorded =
        bed.labels(jobId).stream()
            .filter(label -> label.status() == LabelStatus.PRINTED)
            .map(Label::index)
            .collect(Collectors.toSet());
    assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.PRINTING);
    assertThat(recorded).hasSizeLessThan(120);

    bed.start(printer);

    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    Map<Integer, Long> copies = awaitEveryLabel(printer, jobId, 120);
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(range(1, 120));
    assertThat(recorded)
        .allSatisfy(
            index ->
                assertThat(copies.get(index))
                    .as("label %d was recorded printed before the kill", index)
                    .isEqualTo(1));
    List<Integer> duplicated = duplicated(copies);
    Job job = bed.job(jobId);
    assertThat(job.uncertainLabels()).containsAll(duplicated);
    // The kill's own: later ones come from a connection that broke under the new agent (a busy
    // machine), each flagged too, and belong to PrinterFailureTest.
    assertThat(duplicated.stream().filter(index -> index <= lastSentByTheKilled))
        .as("labels printed again because of the kill")
        .hasSizeLessThanOrEqualTo(1);
    assertThat(job.printed()).isEqualTo(120);
    assertThat(printer.partials()).noneMatch(partial -> partial.contains("^XA"));
    // The killed agent's message comes back once its visibility runs out, and is settled.
    await().atMost(Duration.ofSeconds(20)).until(() -> bed.allMessages() == 0);
  }

  @Test
  void aGracefulStopFinishesTheLabelInHandAndARestartCarriesOn() {
    VirtualPrinter printer = bed.printer("vp", Duration.ofMillis(20));
    Agent agent = bed.start(printer);
    String jobId = bed.submit("vp", Priority.NORMAL, 80);
    await().atMost(Duration.ofSeconds(20)).until(() -> printedIndexes(printer, jobId).size() >= 20);

    long start = System.nanoTime();
    agent.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    Job stopped = bed.job(jobId);
    assertThat(stopped.status()).isEqualTo(JobStatus.PRINTING);
    assertThat(stopped.inFlightLabel()).isNull();
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> printedIndexes(printer, jobId).size() == stopped.printed());
    assertThat(bed.visibleMessages(Priority.NORMAL)).as("given back at once").isEqualTo(1);
    assertThat(printer.partials()).isEmpty();

    bed.start(printer);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, 80));
    assertThat(bed.job(jobId).uncertainLabels()).isEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.allMessages() == 0);
  }

  @Test
  void aTerminatedAgentProcessStopsGracefullyAndItsMessageIsBackAtOnce() throws Exception {
    VirtualPrinter printer = bed.printer("vp", Duration.ofMillis(20));
    String jobId = bed.submit("vp", Priority.NORMAL, 80);
    Process agent = startAgentProcess(printer);
    try {
      await()
          .atMost(Duration.ofSeconds(40))
          .until(() -> printedIndexes(printer, jobId).size() >= 20);
    } finally {
      agent.destroy(); // SIGTERM: the shutdown hook stops the agent gracefully
      assertThat(agent.waitFor(15, TimeUnit.SECONDS)).isTrue();
    }
    Job stopped = bed.job(jobId);
    assertThat(stopped.status()).isEqualTo(JobStatus.PRINTING);
    assertThat(stopped.inFlightLabel()).as("the label in hand was finished").isNull();
    assertThat(bed.visibleMessages(Priority.NORMAL)).as("given back at once").isEqualTo(1);

    bed.start(printer);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    awaitPrinted(printer, jobId, range(1, 80));
    assertThat(bed.job(jobId).uncertainLabels()).isEmpty();
    assertThat(printer.partials()).isEmpty();
  }

  /** {@code printrelay agent} in its own JVM, so that it can really be killed. */
  private Process startAgentProcess(VirtualPrinter printer) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Its log lands in target/, next to the surefire reports, for when this test fails.
    Path log =
        Files.createTempFile(Files.createDirectories(Path.of("target")), "agent-process-", ".log");
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            AgentMain.class.getName(),
            "--sqs-endpoint",
            bed.aws.aws().sqsEndpoint().toString(),
            "--dynamodb-endpoint",
            bed.aws.aws().dynamoDbEndpoint().toString(),
            "--table",
            bed.aws.table(),
            "--queue-prefix",
            bed.aws.queueNames().prefix(),
            "--printers",
            "vp=127.0.0.1:" + printer.port(),
            "--data-dir",
            bed.dataDir().toString(),
            "--agent-id",
            "test-agent", // as the restart's: a restarted agent keeps its printers' leases
            "--poll-wait",
            "1",
            "--visibility-timeout",
            "6",
            "--status-port",
            "0") // no endpoint: a fixed port could meet another build's agent
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static List<Integer> duplicated(Map<Integer, Long> copies) {
    return copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
  }
}
