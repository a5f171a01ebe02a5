package io.printrelay.function.jobs;

import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;

/**
 * A not-yet-final job as the {@code active} index holds it: enough to order a printer's queue.
 *
 * @param queueKey when it entered its tier, then its id: sorts oldest first
 */
public record ActiveJob(String jobId, JobStatus status, Priority priority, String queueKey) {}
