package io.printrelay.function.actions;

import io.printrelay.function.dispatch.Dispatcher;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Moves a waiting job to another tier. A queued job enters the new tier now and gets a message
 * there; its old message, in the old tier's queue, names the old priority and is deleted by the
 * agent as stale. A paused job only records the tier: its resume sends the message. Asking for the
 * tier it already has changes nothing.
 */
@Singleton
public class ChangePriority {
  private final Reads reads;
  private final JobActionStore store;
  private final Dispatcher dispatcher;
  private final Clock clock;

  public ChangePriority(Reads reads, JobActionStore store, Dispatcher dispatcher, Clock clock) {
    this.reads = reads;
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Job change(String jobId, PriorityRequest body) {
    return OnCurrentJob.apply(
        reads,
        jobId,
        job -> {
          JobEvent.REPRIORITISE.apply(job);
          Priority wanted = ActionArguments.priority(body);
          if (wanted == job.priority()) {
            return job;
          }
          Job moved =
              store.reprioritise(
                  jobId,
                  job.status(),
                  job.priority(),
                  wanted,
                  clock.instant().truncatedTo(ChronoUnit.MILLIS));
          if (job.status() == JobStatus.QUEUED) {
            dispatcher.send(moved);
          }
          return moved;
        });
  }
}
