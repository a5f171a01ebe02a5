package io.printrelay.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on disk: what a restart reads back, including after a cut mid-line. */
class JobJournalTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final String JOB = "4b32e940-6445-47ca-8d49-b328e316a5e7";

  @TempDir Path dir;

  @Test
  void aRestartReadsBackEveryTransitionAndTheLabelsContent() {
    try (JobJournal journal = JobJournal.create(dir, job(), labels(3))) {
      journal.started(1);
      journal.printed(1, T0);
      journal.started(2);
      journal.failed(2, "printer refused\nthe connection");
      journal.started(3);
    }

    try (JobJournal read = JobJournal.load(dir.resolve(JOB + ".labels"))) {
      JournalState state = read.state();
      assertThat(state.label(1).status()).isEqualTo(LabelStatus.PRINTED);
      assertThat(state.label(1).printedAt()).isEqualTo(T0);
      assertThat(state.label(2).status()).isEqualTo(LabelStatus.FAILED);
      assertThat(state.label(2).error()).isEqualTo("printer refused\nthe connection");
      assertThat(state.inFlight()).as("started, never ended: its fate unknown").isEqualTo(3);
      assertThat(state.label(3).attempts()).isEqualTo(1);
      List<String> contents = new ArrayList<>();
      read.labels()
          .forEach(label -> contents.add(new String(label.content(), StandardCharsets.UTF_8)));
      assertThat(contents).containsExactly("^XA^FD1^FS^XZ", "^XA^FD2^FS^XZ", "^XA^FD3^FS^XZ");
    }
  }

  @Test
  void aLineTornByAPowerCutIsIgnored() throws IOException {
    try (JobJournal journal = JobJournal.create(dir, job(), labels(2))) {
      journal.started(1);
    }
    Files.writeString(dir.resolve(JOB + ".log"), "P 1 17", StandardOpenOption.APPEND);

    try (JobJournal read = JobJournal.load(dir.resolve(JOB + ".labels"))) {
      assertThat(read.state().label(1).status()).isEqualTo(LabelStatus.PENDING);
      assertThat(read.state().inFlight()).isEqualTo(1);
    }
  }

  @Test
  void theEndIsKeptAndCompactionDeletesTheFiles() {
    JobJournal journal = JobJournal.create(dir, job(), labels(1));
    journal.started(1);
    journal.printed(1, T0);
    journal.ended(JobStatus.COMPLETED, T0, null);
    journal.close();
    JobJournal read = JobJournal.load(dir.resolve(JOB + ".labels"));
    assertThat(read.state().ended()).isEqualTo(JobStatus.COMPLETED);

    read.delete();

    assertThat(dir).isEmptyDirectory();
  }

  private static Job job() {
    return Job.accepted(JOB, "line-1", Priority.NORMAL, "MO/1", 3, null, T0)
        .withStatus(JobStatus.PRINTING);
  }

  private static List<Label> labels(int count) {
    List<Label> labels = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      labels.add(Label.pending(JOB, i, ("^XA^FD" + i + "^FS^XZ").getBytes(StandardCharsets.UTF_8)));
    }
    return labels;
  }
}
