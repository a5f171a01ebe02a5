package io.printrelay.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class JobStatusTest {

  @ParameterizedTest
  @CsvSource({
    "QUEUED, PRINTING", "QUEUED, PAUSED", "QUEUED, CANCELLED",
    "PRINTING, COMPLETED", "PRINTING, FAILED", "PRINTING, PAUSED", "PRINTING, CANCELLED",
    "PAUSED, QUEUED", "PAUSED, CANCELLED"
  })
  void allowsTheMovesOfAJobsLife(JobStatus from, JobStatus to) {
    assertThat(from.moveTo(to)).isEqualTo(to);
  }

  @ParameterizedTest
  @CsvSource({"QUEUED, COMPLETED", "PAUSED, PRINTING", "PRINTING, QUEUED", "PAUSED, COMPLETED"})
  void refusesShortcutsNamingBothStates(JobStatus from, JobStatus to) {
    assertThatThrownBy(() -> from.moveTo(to))
        .isInstanceOf(IllegalStatusChange.class)
        .hasMessageContaining(from.wireName())
        .hasMessageContaining(to.wireName());
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"COMPLETED", "FAILED", "CANCELLED"})
  void finalJobsNeverChangeAgain(JobStatus finished) {
    assertThat(finished.isFinal()).isTrue();
    for (JobStatus next : JobStatus.values()) {
      assertThat(finished.canMoveTo(next)).as("%s -> %s", finished, next).isFalse();
    }
  }

  @Test
  void parsesOnlyWireNames() {
    assertThat(JobStatus.parse("printing")).contains(JobStatus.PRINTING);
    assertThat(JobStatus.parse("PRINTING")).isEmpty();
    assertThat(JobStatus.parse("done")).isEmpty();
  }
}
