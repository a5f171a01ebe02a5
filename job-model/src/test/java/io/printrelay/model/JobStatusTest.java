package io.printrelay.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStatusTest {

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"COMPLETED", "FAILED", "CANCELLED"})
  void finalJobsNeverChangeStatusAgain(JobStatus finished) {
    assertThat(finished.isFinal()).isTrue();
    for (JobEvent event : JobEvent.values()) {
      if (event.allowedFrom(finished)) {
        assertThat(event.apply(finished)).as("%s on a %s job", event, finished).isEqualTo(finished);
      }
    }
  }

  @Test
  void parsesOnlyWireNames() {
    assertThat(JobStatus.parse("printing")).contains(JobStatus.PRINTING);
    assertThat(JobStatus.parse("PRINTING")).isEmpty();
    assertThat(JobStatus.parse("done")).isEmpty();
  }
}
