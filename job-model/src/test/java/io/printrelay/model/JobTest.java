package io.printrelay.model;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.testing.Jobs;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobTest {

  @Test
  void aLabelNotPrintedMayBeOnPaperWhenFlaggedUncertainOrInFlight() {
    Jobs cancelled =
        aJob()
            .status(JobStatus.CANCELLED)
            .labels(4)
            .label(1, LabelStatus.PRINTED)
            .uncertain(2)
            .inFlight(3);
    Job job = cancelled.build();
    List<Label> labels = cancelled.labelsOf(job);

    assertThat(labels).map(job::mayBeOnPaper).containsExactly(false, true, true, false);
  }
}
