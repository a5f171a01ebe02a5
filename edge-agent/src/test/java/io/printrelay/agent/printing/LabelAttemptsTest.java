package io.printrelay.agent.printing;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.agent.printing.LabelAttempts.Outcome;
import io.printrelay.agent.progress.InMemoryProgress;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One label's attempts, on the in-memory progress store and a scripted printer. */
class LabelAttemptsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  private static final Backoff QUICK = new Backoff(Duration.ZERO, 1, Duration.ZERO, 3);

  private final InMemoryProgress progress = new InMemoryProgress();
  private final ScriptedPrinter printer = new ScriptedPrinter();
  private final JobInbox inbox = new JobInbox(QueuePlaces.in(progress));
  private final LabelAttempts attempts =
      new LabelAttempts(
          "p1",
          progress,
          printer,
          inbox,
          QUICK,
          Duration.ofMillis(20),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aLabelPrintedIsRecordedAfterOneAttempt() {
    Label label = printingJobWithOneLabel();

    assertThat(attempts.print(label).outcome()).isEqualTo(Outcome.PRINTED);

    assertThat(stored(label).status()).isEqualTo(LabelStatus.PRINTED);
    assertThat(stored(label).attempts()).isEqualTo(1);
    assertThat(stored(label).printedAt()).isEqualTo(NOW);
    assertThat(job().printed()).isEqualTo(1);
    assertThat(job().inFlightLabel()).isNull();
  }

  @Test
  void aRefusedConnectIsAPlainRetry() {
    Label label = printingJobWithOneLabel();
    printer.script(Step.REFUSE, Step.PRINT);

    assertThat(attempts.print(label).outcome()).isEqualTo(Outcome.PRINTED);

    assertThat(stored(label).attempts()).isEqualTo(2);
    assertThat(stored(label).uncertain()).isFalse();
    assertThat(job().uncertainLabels()).isEmpty();
  }

  @Test
  void threeFailedAttemptsFailTheLabel() {
    Label label = printingJobWithOneLabel();
    printer.script(Step.REFUSE, Step.REFUSE, Step.REFUSE, Step.PRINT);

    LabelAttempts.Result result = attempts.print(label);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.error()).contains("cannot connect");
    assertThat(printer.calls()).isEqualTo(3);
    assertThat(stored(label).status()).isEqualTo(LabelStatus.FAILED);
    assertThat(stored(label).attempts()).isEqualTo(3);
    assertThat(job().failedLabels()).containsExactly(1);
    assertThat(job().inFlightLabel()).isNull();
  }

  @Test
  void aCutConnectionFlagsTheLabelUncertainOnceAndSendsItAgain() {
    Label label = printingJobWithOneLabel();
    printer.script(Step.CUT, Step.CUT, Step.PRINT);

    assertThat(attempts.print(label).outcome()).isEqualTo(Outcome.PRINTED);

    assertThat(stored(label).uncertain()).isTrue();
    assertThat(stored(label).status()).isEqualTo(LabelStatus.PRINTED);
    assertThat(job().uncertainLabels()).containsExactly(1);
    assertThat(job().printed()).isEqualTo(1);
  }

  @Test
  void aJobNoLongerPrintingSendsNothing() {
    Label label = printingJobWithOneLabel();
    progress.setStatus("j1", JobStatus.CANCELLED);

    assertThat(attempts.print(label).outcome()).isEqualTo(Outcome.JOB_NOT_PRINTING);

    assertThat(printer.calls()).isZero();
    assertThat(stored(label).attempts()).isZero();
  }

  @Test
  void aPausedPrinterHoldsTheLabelUntilItIsResumed() {
    Label label = printingJobWithOneLabel();
    progress.pausePrinter("p1", true);

    CompletableFuture<LabelAttempts.Result> result =
        CompletableFuture.supplyAsync(() -> attempts.print(label));
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> printer.calls() == 0 && !result.isDone());
    progress.pausePrinter("p1", false);

    await().atMost(Duration.ofSeconds(2)).until(result::isDone);
    assertThat(result.join().outcome()).isEqualTo(Outcome.PRINTED);
    assertThat(printer.calls()).isEqualTo(1);
  }

  @Test
  void aJobCancelledWhileThePrinterIsPausedStopsWithoutWaitingForIt() {
    Label label = printingJobWithOneLabel();
    progress.pausePrinter("p1", true);
    CompletableFuture<LabelAttempts.Result> result =
        CompletableFuture.supplyAsync(() -> attempts.print(label));

    progress.setStatus("j1", JobStatus.CANCELLED);

    await().atMost(Duration.ofSeconds(2)).until(result::isDone);
    assertThat(result.join().outcome()).isEqualTo(Outcome.JOB_NOT_PRINTING);
    assertThat(printer.calls()).isZero();
  }

  @Test
  void aStoppingAgentStartsNoLabel() {
    Label label = printingJobWithOneLabel();
    inbox.stop();

    assertThat(attempts.print(label).outcome()).isEqualTo(Outcome.STOPPING);

    assertThat(printer.calls()).isZero();
    assertThat(stored(label).status()).isEqualTo(LabelStatus.PENDING);
  }

  private Label printingJobWithOneLabel() {
    Job job =
        aJob()
            .id("j1")
            .on("p1")
            .status(JobStatus.PRINTING)
            .labels(1)
            .createdAt(NOW)
            .build()
            .withTimes(NOW, NOW, null);
    Label label = Label.pending("j1", 1, "^XA^FDone^FS^XZ".getBytes());
    progress.store(job, List.of(label));
    return label;
  }

  private Label stored(Label label) {
    return progress.label(label.jobId(), label.index());
  }

  private Job job() {
    return progress.job("j1").orElseThrow();
  }

  private enum Step {
    PRINT,
    REFUSE,
    CUT
  }

  /** Plays its script, one step per label sent; prints once the script is over. */
  private static final class ScriptedPrinter implements LabelPrinter {
    private final Deque<Step> script = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();

    synchronized void script(Step... steps) {
      script.addAll(List.of(steps));
    }

    int calls() {
      return calls.get();
    }

    @Override
    public synchronized void print(byte[] label) throws IOException {
      calls.incrementAndGet();
      Step step = script.isEmpty() ? Step.PRINT : script.poll();
      switch (step) {
        case REFUSE ->
            throw new PrinterUnreachable(
                "10.0.0.9", 9100, new ConnectException("Connection refused"));
        case CUT -> throw new SocketException("Connection reset");
        case PRINT -> {}
      }
    }

    @Override
    public void connect() {}

    @Override
    public void close() {}
  }
}
