package io.printrelay.function.actions;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Reprints chosen labels of any job, whatever their state and the job's: a new high-priority job
 * holding exactly those labels, in the order asked (see {@link FollowUpJobs#reprint}).
 */
@Singleton
public class ReprintJob {
  private final JobActionStore store;
  private final FollowUpJobs followUps;

  public ReprintJob(JobActionStore store, FollowUpJobs followUps) {
    this.store = store;
    this.followUps = followUps;
  }

  public ActionOutcome reprint(String jobId, JsonNode body) {
    return OnCurrentJob.apply(store, jobId, job -> {
      List<Integer> labels = ActionArguments.labels(body, job.total());
      return followUps.reprint(job, labels);
    });
  }
}
