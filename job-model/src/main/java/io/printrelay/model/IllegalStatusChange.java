package io.printrelay.model;

/** An event the job state machine does not allow in the job's status, e.g. resuming a completed job. */
public final class IllegalStatusChange extends RuntimeException {
  private final JobStatus from;
  private final JobEvent event;

  public IllegalStatusChange(JobStatus from, JobEvent event) {
    super(message(from, event));
    this.from = from;
    this.event = event;
  }

  public JobStatus from() {
    return from;
  }

  public JobEvent event() {
    return event;
  }

  private static String message(JobStatus from, JobEvent event) {
    String action = event.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return event.to()
        .map(to -> "a " + from.wireName() + " job cannot become " + to.wireName())
        .orElse("a " + from.wireName() + " job does not allow " + action);
  }
}
