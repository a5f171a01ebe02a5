package io.printrelay.function.problem;

import io.printrelay.model.IllegalStatusChange;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import java.util.List;

/**
 * The 409 for an event the job state machine refused (docs/api.md#job-actions: the detail names the
 * job's status): "Job 42 is completed; only a queued or printing job can be paused." The statuses
 * it lists are the event's own, so the answer never disagrees with the state machine.
 */
public final class StatusConflicts {
  private StatusConflicts() {}

  public static Conflict of(IllegalStatusChange refused) {
    return new Conflict(
        refused
            .jobId()
            .map(
                jobId ->
                    "Job "
                        + jobId
                        + " is "
                        + refused.from().wireName()
                        + "; only "
                        + allowed(refused.event())
                        + " job can be "
                        + done(refused.event())
                        + ".")
            .orElse(refused.getMessage()));
  }

  // "a queued, printing or paused", in the order statuses are declared.
  private static String allowed(JobEvent event) {
    List<String> names = event.from().stream().sorted().map(JobStatus::wireName).toList();
    String last = names.get(names.size() - 1);
    return names.size() == 1
        ? "a " + last
        : "a " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + last;
  }

  private static String done(JobEvent event) {
    return switch (event) {
      case START -> "started";
      case PAUSE -> "paused";
      case RESUME -> "resumed";
      case CANCEL -> "cancelled";
      case COMPLETE -> "completed";
      case FAIL -> "failed";
      case REPRIORITISE -> "moved to another priority";
      case DISPATCH -> "sent to its printer";
      case PROGRESS -> "printed";
      case FOLLOW_UP -> "resumed as a new job";
    };
  }
}
