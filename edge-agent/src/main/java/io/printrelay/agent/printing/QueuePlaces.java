package io.printrelay.agent.printing;

import io.printrelay.agent.progress.JobProgress;
import io.printrelay.model.Job;
import io.printrelay.model.QueuePlace;
import java.util.Optional;

/** Where jobs stand in their printer's queue, as the table, the source of truth, has it. */
@FunctionalInterface
interface QueuePlaces {
  /** Empty when the job is no longer in the table. */
  Optional<QueuePlace> of(String jobId);

  /** A consistent read of the job item each. */
  static QueuePlaces in(JobProgress progress) {
    return jobId -> progress.job(jobId).map(Job::queuePlace);
  }
}
