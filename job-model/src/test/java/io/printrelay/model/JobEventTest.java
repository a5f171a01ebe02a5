package io.printrelay.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.testing.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobEventTest {

  @ParameterizedTest(name = "{1} on a {0} job: {2}")
  @CsvSource({
    "QUEUED, START, PRINTING",
    "PRINTING, START, PRINTING",
    "QUEUED, PAUSE, PAUSED",
    "PRINTING, PAUSE, PAUSED",
    "PAUSED, RESUME, QUEUED",
    "QUEUED, CANCEL, CANCELLED",
    "PRINTING, CANCEL, CANCELLED",
    "PAUSED, CANCEL, CANCELLED",
    "PRINTING, COMPLETE, COMPLETED",
    "PRINTING, FAIL, FAILED",
    "QUEUED, REPRIORITISE, QUEUED",
    "PAUSED, REPRIORITISE, PAUSED",
    "QUEUED, DISPATCH, QUEUED",
    "PRINTING, DISPATCH, PRINTING",
    "PRINTING, PROGRESS, PRINTING",
    "FAILED, FOLLOW_UP, FAILED",
    "CANCELLED, FOLLOW_UP, CANCELLED"
  })
  void allowsTheMovesOfAJobsLife(JobStatus from, JobEvent event, JobStatus to) {
    assertThat(event.apply(from)).isEqualTo(to);
  }

  @ParameterizedTest(name = "{1} on a {0} job is refused")
  @CsvSource({
    "QUEUED, COMPLETE",
    "QUEUED, FAIL",
    "PAUSED, START",
    "PRINTING, RESUME",
    "COMPLETED, RESUME",
    "COMPLETED, CANCEL",
    "PAUSED, PROGRESS",
    "PRINTING, REPRIORITISE",
    "COMPLETED, FOLLOW_UP",
    "PAUSED, DISPATCH"
  })
  void refusesOtherMovesNamingTheStatus(JobStatus from, JobEvent event) {
    assertThatThrownBy(() -> event.apply(from))
        .isInstanceOf(IllegalStatusChange.class)
        .hasMessageContaining(from.wireName())
        .extracting(e -> ((IllegalStatusChange) e).event())
        .isEqualTo(event);
  }

  @Test
  void aRefusalOnAJobNamesTheJob() {
    Job job = Jobs.aJob().id("job-9").status(JobStatus.COMPLETED).build();

    assertThatThrownBy(() -> JobEvent.PAUSE.apply(job))
        .isInstanceOfSatisfying(
            IllegalStatusChange.class,
            refused -> {
              assertThat(refused.jobId()).contains("job-9");
              assertThat(refused.from()).isEqualTo(JobStatus.COMPLETED);
            });
    assertThat(JobEvent.PAUSE.apply(Jobs.aJob().build())).isEqualTo(JobStatus.PAUSED);
  }
}
