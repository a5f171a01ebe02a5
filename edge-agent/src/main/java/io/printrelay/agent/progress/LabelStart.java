package io.printrelay.agent.progress;

/**
 * The outcome of the transaction that opens a label attempt. Only {@link #STARTED} lets bytes go to
 * the printer, so a pause or cancel always lands on a label boundary.
 */
public enum LabelStart {
  /** The label is now in flight on the job and its attempt is counted. */
  STARTED,
  /** An operator paused the printer: hold the job, print nothing. */
  PRINTER_PAUSED,
  /** The job left {@code printing} (paused, cancelled, finished): stop before this label. */
  JOB_NOT_PRINTING,
  /** The label is already printed or failed: nothing to send. */
  LABEL_NOT_PENDING
}
