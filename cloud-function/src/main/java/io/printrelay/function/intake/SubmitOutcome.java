package io.printrelay.function.intake;

import io.printrelay.model.Job;

/**
 * @param created false when an Idempotency-Key named an earlier job, which is returned instead
 */
public record SubmitOutcome(Job job, boolean created) {}
