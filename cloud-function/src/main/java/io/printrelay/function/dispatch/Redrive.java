package io.printrelay.function.dispatch;

import io.printrelay.function.problem.Conflict;
import io.printrelay.function.problem.NotFound;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import jakarta.inject.Singleton;

/**
 * An operator's redrive: sends a queued or printing job's message again now, through the one
 * dispatch protocol ({@link Dispatcher}), under the next dispatch number. Meant for a job whose
 * message was dead-lettered; harmless for any other, whose agent merges the new message into the
 * job it holds. The claim removes the job's dead-letter mark; the dead-lettered message, now an old
 * dispatch, is deleted by the sweep's next pass over the dead-letter queues ({@link
 * DeadLetterSweep}), so the API itself never receives from those queues.
 */
@Singleton
public class Redrive {
  private final Reads reads;
  private final DispatchStore store;
  private final Dispatcher dispatcher;

  public Redrive(Reads reads, DispatchStore store, Dispatcher dispatcher) {
    this.reads = reads;
    this.store = store;
    this.dispatcher = dispatcher;
  }

  /**
   * @return the job as its claim left it
   * @throws NotFound when there is no such job
   * @throws io.printrelay.model.IllegalStatusChange when it is paused or final (a 409)
   */
  public Job redrive(String jobId) {
    Job job = reads.job(jobId).orElseThrow(() -> new NotFound("job", jobId));
    JobEvent.DISPATCH.apply(job);
    Job claimed =
        store
            .claimRedispatch(jobId)
            .orElseThrow(
                () ->
                    new Conflict(
                        "Job " + jobId + " was paused or ended just now; look at it again."));
    dispatcher.send(claimed); // a failed send leaves the job to the sweep, as for any dispatch
    return claimed;
  }
}
