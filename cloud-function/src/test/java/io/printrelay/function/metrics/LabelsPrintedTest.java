package io.printrelay.function.metrics;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.storage.DynamoDbLabelTally;
import io.printrelay.function.storage.DynamoDbReads;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.JobEvent;
import io.printrelay.table.ItemUpdate;
import io.printrelay.table.JobUpdates;
import io.printrelay.table.LabelTallyItems.Tally;
import io.printrelay.table.ProgressUpdates;
import io.printrelay.testing.Jobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The labels printed between sweep runs, counted on the embedded DynamoDB from the {@code printed}
 * counts the agent writes, run after run, each run a fresh {@link LabelsPrinted} as on Lambda.
 */
class LabelsPrintedTest {
  private static final Instant RUN_1 = Jobs.T0.plus(Duration.ofHours(1));
  private static final Instant RUN_2 = RUN_1.plus(Duration.ofMinutes(1));
  private static final Instant RUN_3 = RUN_2.plus(Duration.ofMinutes(1));

  private Sandbox sandbox;
  private DynamoDbReads reads;
  private DynamoDbLabelTally tally;

  @BeforeEach
  void freshSandbox() {
    sandbox = EmbeddedSandbox.newSandbox();
    PrintrelaySettings settings =
        new PrintrelaySettings(sandbox.table(), sandbox.queueNames().prefix(), null, null);
    reads = new DynamoDbReads(sandbox.dynamoDb(), settings);
    tally = new DynamoDbLabelTally(sandbox.dynamoDb(), settings);
  }

  @Test
  void eachRunCountsWhatThePrintingJobsPrintedSinceTheRunBefore() {
    String job = sandbox.store(aJob().on("line-1").labels(50).printing(4, RUN_1)).jobId();

    assertThat(run(RUN_1)).isEqualTo(3);
    agentRecordsPrinted(job, 10);
    assertThat(run(RUN_2)).isEqualTo(7);
    assertThat(run(RUN_3)).isZero();
  }

  @Test
  void aJobThatCompletedBetweenRunsCountsItsLastLabelsOnce() {
    String job = sandbox.store(aJob().on("line-1").labels(10).printing(5, RUN_1)).jobId();
    assertThat(run(RUN_1)).isEqualTo(4);

    agentRecordsPrinted(job, 10);
    agentWrites(ProgressUpdates.complete(job, RUN_1.plusSeconds(20)));

    assertThat(run(RUN_2)).isEqualTo(6);
    // The finished index now reaches the job's finish: read again, counted no more, let go.
    assertThat(run(RUN_3)).isZero();
    assertThat(tally.last().orElseThrow().counted()).doesNotContainKey(job);
  }

  @Test
  void aJobThatPrintedAndCompletedUnseenBetweenTwoRunsIsCountedFromTheFinishedIndex() {
    assertThat(run(RUN_1)).isZero();
    String job = sandbox.store(aJob().on("line-1").labels(5).printing(1, RUN_1)).jobId();
    agentRecordsPrinted(job, 5);
    agentWrites(ProgressUpdates.complete(job, RUN_1.plusSeconds(10)));

    // Read up to a minute ago only, so that the index surely holds what finished before.
    assertThat(run(RUN_2)).isZero();
    assertThat(run(RUN_3)).isEqualTo(5);
    assertThat(run(RUN_3.plus(Duration.ofMinutes(1)))).isZero();
  }

  @Test
  void aPausedJobResumedAndPrintingAgainCountsOnlyItsNewLabels() {
    String job = sandbox.store(aJob().on("line-1").labels(20).printing(6, RUN_1)).jobId();
    assertThat(run(RUN_1)).isEqualTo(5);

    agentWrites(JobUpdates.apply(job, JobEvent.PAUSE, RUN_1.plusSeconds(5)));
    assertThat(run(RUN_2)).isZero();

    agentWrites(JobUpdates.apply(job, JobEvent.RESUME, RUN_2.plusSeconds(5)));
    agentWrites(ProgressUpdates.start(job, RUN_2.plusSeconds(10)));
    agentRecordsPrinted(job, 8);
    assertThat(run(RUN_3)).isEqualTo(3);
  }

  @Test
  void theFollowUpOfAFailedJobCountsItsOwnLabelsAndTheFailedJobNoMore() {
    String failed = sandbox.store(aJob().on("line-1").labels(10).printing(7, RUN_1)).jobId();
    assertThat(run(RUN_1)).isEqualTo(6);
    agentWrites(ProgressUpdates.fail(failed, "paper out", RUN_1.plusSeconds(5)));
    String followUp =
        sandbox.store(aJob().on("line-1").labels(4).parent(failed).printing(1, RUN_1)).jobId();
    agentRecordsPrinted(followUp, 4);

    assertThat(run(RUN_2)).isEqualTo(4);
    assertThat(run(RUN_3)).isZero();
  }

  @Test
  void aRunThatLostTheTallyToAnOverlappingRunCountsNothing() {
    String job = sandbox.store(aJob().on("line-1").labels(50).printing(1, RUN_1)).jobId();
    assertThat(run(RUN_1)).isZero();
    agentRecordsPrinted(job, 9);
    Optional<Tally> seenBeforeTheOtherRun = tally.last();

    assertThat(run(RUN_2)).isEqualTo(9);
    LabelTally stale =
        new LabelTally() {
          @Override
          public Optional<Tally> last() {
            return seenBeforeTheOtherRun;
          }

          @Override
          public boolean replace(Tally next) {
            return tally.replace(next);
          }

          @Override
          public List<String> finishedBetween(Instant after, Instant until) {
            return tally.finishedBetween(after, until);
          }
        };

    assertThat(new LabelsPrinted(reads, stale).since(active(), RUN_2)).isZero();
  }

  private int run(Instant at) {
    return new LabelsPrinted(reads, tally).since(active(), at);
  }

  private List<ActiveJob> active() {
    return reads.activeJobs("line-1");
  }

  private void agentRecordsPrinted(String jobId, int printed) {
    agentWrites(ProgressUpdates.jobSynced(jobId, printed, List.of(), List.of(), null, null, null));
  }

  private void agentWrites(ItemUpdate update) {
    sandbox.dynamoDb().updateItem(update.request(sandbox.table()));
  }
}
