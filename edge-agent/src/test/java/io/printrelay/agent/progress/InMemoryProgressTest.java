package io.printrelay.agent.progress;

import io.printrelay.model.Job;
import io.printrelay.model.Label;
import java.util.List;

/** The fake honours the same contract as the table, so tests built on it can be trusted. */
class InMemoryProgressTest extends JobProgressContract {
  private final InMemoryProgress progress = new InMemoryProgress();

  @Override
  JobProgress progress() {
    return progress;
  }

  @Override
  void store(Job job, List<Label> labels) {
    progress.store(job, labels);
  }

  @Override
  void pausePrinter(String printerId) {
    progress.pausePrinter(printerId, true);
  }

  @Override
  Label label(String jobId, int index) {
    return progress.label(jobId, index);
  }
}
