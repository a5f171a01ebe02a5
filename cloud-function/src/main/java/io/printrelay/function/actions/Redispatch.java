package io.printrelay.function.actions;

import io.printrelay.function.queue.DispatchFailed;
import io.printrelay.function.queue.JobQueue;
import io.printrelay.model.Job;
import io.printrelay.queue.JobMessage;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the message of a job whose dispatch was just claimed (a resume, a tier change), then clears
 * its undispatched mark: the submit's crash-safe order. A failed send leaves the mark for the
 * dispatch sweep. The new dispatch number makes a new dedup id, so SQS never swallows it, and the
 * message names the job's current tier, so an older message in another tier reads as stale to the
 * agent.
 */
@Singleton
public class Redispatch {
  private static final Logger LOG = LoggerFactory.getLogger(Redispatch.class);

  private final JobActionStore store;
  private final JobQueue queue;

  public Redispatch(JobActionStore store, JobQueue queue) {
    this.store = store;
    this.queue = queue;
  }

  /** Returns the job as claimed; what a later read shows apart from the undispatched mark. */
  public Job send(Job claimed) {
    int dispatch = claimed.dispatchCount();
    try {
      queue.send(
          new JobMessage(claimed.jobId(), claimed.printerId(), claimed.priority(), dispatch));
    } catch (DispatchFailed e) {
      LOG.warn("Job {} dispatch {} not sent; the dispatch sweep will send it", claimed.jobId(),
          dispatch, e);
      return claimed;
    }
    try {
      store.confirmDispatched(claimed.jobId(), dispatch);
    } catch (RuntimeException e) {
      // Sent but still marked: the sweep sends it once more, which agents treat as the same job.
      LOG.warn("Job {} dispatch {} sent but not confirmed", claimed.jobId(), dispatch, e);
    }
    return claimed;
  }
}
