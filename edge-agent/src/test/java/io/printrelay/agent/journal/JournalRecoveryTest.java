package io.printrelay.agent.journal;

import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static io.printrelay.agent.AgentTestBed.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.agent.AgentTestBed;
import io.printrelay.agent.progress.DynamoDbProgress;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An agent killed at a given step of the journal protocol (docs/printing.md#crash-safety), made
 * exact by writing the journal as the killed agent left it, then starting an agent on it.
 */
@Timeout(60)
class JournalRecoveryTest {
  private static final int LABELS = 10;
  private final AgentTestBed bed = new AgentTestBed();
  private final DynamoDbProgress table = new DynamoDbProgress(bed.aws.dynamoDb(), bed.aws.table());

  @AfterEach
  void tearDown() {
    bed.close();
  }

  @Test
  void killedBetweenPrintingALabelAndJournalingItTheLabelIsSentAgainFlagged() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    String jobId = bed.submit("line-1", Priority.NORMAL, LABELS);
    try (JobJournal journal = takenBy(jobId)) {
      for (int index = 1; index <= 3; index++) {
        journal.started(index);
        journal.printed(index, Instant.now());
      }
      journal.started(4); // on paper, maybe: the kill came before "printed" was written
    }

    bed.start(printer);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    assertThat(printedIndexes(printer, jobId)).containsExactlyElementsOf(range(4, LABELS));
    Job job = bed.job(jobId);
    assertThat(job.uncertainLabels()).containsExactly(4);
    assertThat(job.printed()).isEqualTo(LABELS);
    assertThat(bed.labels(jobId)).allMatch(label -> label.status() == LabelStatus.PRINTED);
  }

  @Test
  void killedBetweenJournalingAndSyncingNothingIsSentAgainAndTheTableLearnsIt() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    String jobId = bed.submit("line-1", Priority.NORMAL, LABELS);
    try (JobJournal journal = takenBy(jobId)) {
      for (int index = 1; index <= 5; index++) {
        journal.started(index);
        journal.printed(index, Instant.now());
      }
    }
    assertThat(bed.job(jobId).printed()).as("the table was never told").isZero();

    bed.start(printer);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    assertThat(printedIndexes(printer, jobId)).containsExactlyElementsOf(range(6, LABELS));
    Job job = bed.job(jobId);
    assertThat(job.uncertainLabels()).isEmpty();
    assertThat(job.printed()).isEqualTo(LABELS);
  }

  @Test
  void killedAfterTheJobEndedInTheJournalTheTableLearnsTheEndAndNothingPrints() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    String jobId = bed.submit("line-1", Priority.NORMAL, LABELS);
    try (JobJournal journal = takenBy(jobId)) {
      for (int index = 1; index <= LABELS; index++) {
        journal.started(index);
        journal.printed(index, Instant.now());
      }
      journal.ended(JobStatus.COMPLETED, Instant.now(), null);
    }

    bed.start(printer);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    await().atMost(Duration.ofSeconds(10)).until(() -> bed.allMessages() == 0);
    assertThat(printedIndexes(printer, jobId)).isEmpty();
    assertThat(bed.job(jobId).printed()).isEqualTo(LABELS);
  }

  /** The job as an agent takes it: started in the table, its labels journaled under the bed. */
  private JobJournal takenBy(String jobId) {
    Job job = table.start(jobId, Instant.now());
    try {
      Path dir = Files.createDirectories(bed.dataDir().resolve("journal"));
      return JobJournal.create(dir, job, table.labels(jobId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
