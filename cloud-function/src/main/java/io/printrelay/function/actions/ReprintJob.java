package io.printrelay.function.actions;

import io.printrelay.function.reads.Reads;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Reprints chosen labels of any job, whatever their state and the job's: a new high-priority job
 * holding exactly those labels, in the order asked (see {@link FollowUpJobs#reprint}).
 */
@Singleton
public class ReprintJob {
  private final Reads reads;
  private final FollowUpJobs followUps;

  public ReprintJob(Reads reads, FollowUpJobs followUps) {
    this.reads = reads;
    this.followUps = followUps;
  }

  public ActionOutcome reprint(String jobId, ReprintRequest body) {
    return OnCurrentJob.apply(
        reads,
        jobId,
        job -> {
          List<Integer> labels = ActionArguments.labels(body, job.total());
          return followUps.reprint(job, labels);
        });
  }
}
