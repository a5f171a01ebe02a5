package io.printrelay.agent.printing;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobDecisionTest {

  @ParameterizedTest(name = "{0} job, message from {1}: {2}")
  @CsvSource({
    "QUEUED, NORMAL, START",
    "QUEUED, HIGH, STALE",
    "QUEUED, , START",
    "PRINTING, NORMAL, CONTINUE",
    "PRINTING, LOW, CONTINUE",
    "PRINTING, , CONTINUE",
    "PAUSED, NORMAL, PAUSED",
    "COMPLETED, NORMAL, FINISHED",
    "FAILED, NORMAL, FINISHED",
    "CANCELLED, , FINISHED"
  })
  void theTableDecidesWhatAMessageStillMeans(
      JobStatus status, Priority messageTier, JobDecision expected) {
    Job job = normalJob("line-1", status);

    assertThat(JobDecision.of(job, "line-1", messageTier)).isEqualTo(expected);
  }

  @Test
  void aJobNoLongerStoredIsGone() {
    assertThat(JobDecision.of(null, "line-1", Priority.NORMAL)).isEqualTo(JobDecision.GONE);
  }

  @Test
  void aJobForAnotherPrinterIsNeverPrintedHere() {
    Job job = normalJob("line-2", JobStatus.QUEUED);

    assertThat(JobDecision.of(job, "line-1", Priority.NORMAL)).isEqualTo(JobDecision.FOREIGN);
  }

  @Test
  void onlyStartAndContinuePrint() {
    assertThat(List.of(JobDecision.values()))
        .filteredOn(JobDecision::prints)
        .containsExactlyInAnyOrder(JobDecision.START, JobDecision.CONTINUE);
  }

  private static Job normalJob(String printerId, JobStatus status) {
    return aJob().id("j1").on(printerId).priority(Priority.NORMAL).status(status).build();
  }
}
