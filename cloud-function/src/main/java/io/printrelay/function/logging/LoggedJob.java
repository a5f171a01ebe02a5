package io.printrelay.function.logging;

/**
 * An answer that names a job and its printer: the request's log line ({@link RequestLog}) carries
 * them, so a submit's line names the job it made and an action's line the job's printer.
 */
public interface LoggedJob {
  String jobId();

  String printerId();
}
