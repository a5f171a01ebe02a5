package io.printrelay.model;

import java.util.Optional;

/**
 * An event the job state machine does not allow in the job's status, e.g. resuming a completed job.
 */
public final class IllegalStatusChange extends RuntimeException {
  private final JobStatus from;
  private final JobEvent event;
  private final String jobId;

  public IllegalStatusChange(JobStatus from, JobEvent event) {
    this(null, from, event);
  }

  /** Refused on a known job: the API's 409 names it. */
  public IllegalStatusChange(String jobId, JobStatus from, JobEvent event) {
    super(message(from, event));
    this.from = from;
    this.event = event;
    this.jobId = jobId;
  }

  /** The job refused, when the caller named it (see {@link JobEvent#apply(Job)}). */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  public JobStatus from() {
    return from;
  }

  public JobEvent event() {
    return event;
  }

  private static String message(JobStatus from, JobEvent event) {
    String action = event.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return event
        .to()
        .map(to -> "a " + from.wireName() + " job cannot become " + to.wireName())
        .orElse("a " + from.wireName() + " job does not allow " + action);
  }
}
