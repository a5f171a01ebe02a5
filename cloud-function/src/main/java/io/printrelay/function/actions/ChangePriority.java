package io.printrelay.function.actions;

import io.micronaut.json.tree.JsonNode;
import io.printrelay.model.Job;
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
  private final JobActionStore store;
  private final Redispatch redispatch;
  private final Clock clock;

  public ChangePriority(JobActionStore store, Redispatch redispatch, Clock clock) {
    this.store = store;
    this.redispatch = redispatch;
    this.clock = clock;
  }

  public Job change(String jobId, JsonNode body) {
    return OnCurrentJob.apply(store, jobId, job -> {
      if (!job.status().isWaiting()) {
        throw OnCurrentJob.refuse(job, "moved to another priority", "a queued or paused");
      }
      Priority wanted = ActionArguments.priority(body);
      if (wanted == job.priority()) {
        return job;
      }
      Job moved = store.reprioritise(jobId, job.status(), job.priority(), wanted,
          clock.instant().truncatedTo(ChronoUnit.MILLIS));
      return job.status() == JobStatus.QUEUED ? redispatch.send(moved) : moved;
    });
  }
}
