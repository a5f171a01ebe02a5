package io.printrelay.function.actions;

/**
 * A conditional write found the job no longer in the status it was read in: someone (the agent,
 * another operator) moved it meanwhile. Never an overwrite; the action decides again.
 */
public final class JobChanged extends RuntimeException {
  public JobChanged(String jobId) {
    super("job " + jobId + " changed meanwhile", null, false, false);
  }
}
