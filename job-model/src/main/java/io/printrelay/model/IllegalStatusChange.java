package io.printrelay.model;

/** A job status move that its state machine does not allow, e.g. resuming a completed job. */
public final class IllegalStatusChange extends RuntimeException {
  private final JobStatus from;
  private final JobStatus to;

  public IllegalStatusChange(JobStatus from, JobStatus to) {
    super("a " + from.wireName() + " job cannot become " + to.wireName());
    this.from = from;
    this.to = to;
  }

  public JobStatus from() {
    return from;
  }

  public JobStatus to() {
    return to;
  }
}
