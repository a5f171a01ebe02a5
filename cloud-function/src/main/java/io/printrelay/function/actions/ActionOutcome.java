package io.printrelay.function.actions;

import io.printrelay.model.Job;

/**
 * What an action answers.
 *
 * @param created true when the action made a new job (201 with its Location), false when it changed
 *     (or found) the job it answers (200)
 */
public record ActionOutcome(Job job, boolean created) {
  static ActionOutcome updated(Job job) {
    return new ActionOutcome(job, false);
  }
}
