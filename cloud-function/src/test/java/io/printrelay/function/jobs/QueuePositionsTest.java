package io.printrelay.function.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.model.QueuePlace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueuePositionsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  // The printer's queue: one printing, high h1 (t+1), normal n1 (t+2), n2 (t+3), paused p (t+0).
  private static final List<ActiveJob> QUEUE =
      List.of(
          active("printing", JobStatus.PRINTING, Priority.NORMAL, 0),
          active("h1", JobStatus.QUEUED, Priority.HIGH, 1),
          active("n1", JobStatus.QUEUED, Priority.NORMAL, 2),
          active("n2", JobStatus.QUEUED, Priority.NORMAL, 3),
          active("paused", JobStatus.PAUSED, Priority.HIGH, 0));

  @ParameterizedTest(name = "{0} {1} {2} at t+{3}s -> {4}")
  @CsvSource(
      nullValues = "null",
      value = {
        "printing, PRINTING, NORMAL, 0, 0",
        "h1,       QUEUED,   HIGH,   1, 1",
        "n1,       QUEUED,   NORMAL, 2, 2",
        "n2,       QUEUED,   NORMAL, 3, 3",
        "new-high, QUEUED,   HIGH,   9, 2",
        "new-low,  QUEUED,   LOW,    0, 4",
        "new-norm, QUEUED,   NORMAL, 9, 4",
        "paused,   PAUSED,   HIGH,   0, null",
        "done,     COMPLETED, HIGH,  0, null",
        "gone,     CANCELLED, HIGH,  0, null"
      })
  void placesAJobAfterHigherTiersAndOlderJobsOfItsTier(
      String jobId, JobStatus status, Priority priority, int second, Integer expected) {
    Job job = job(jobId, status, priority, second);

    assertThat(QueuePositions.of(job, QUEUE)).isEqualTo(expected);
  }

  private static Job job(String jobId, JobStatus status, Priority priority, int second) {
    return Job.accepted(jobId, "line-1", priority, null, 1, null, T0.plusSeconds(second))
        .withStatus(status)
        .withDispatch(1, false);
  }

  private static ActiveJob active(String jobId, JobStatus status, Priority priority, int second) {
    return new ActiveJob(jobId, status, new QueuePlace(priority, T0.plusSeconds(second), jobId));
  }
}
