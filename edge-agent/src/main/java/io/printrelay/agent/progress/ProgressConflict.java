package io.printrelay.agent.progress;

/**
 * A conditional write lost a race: the job is no longer in the status the write expected (an
 * operator paused or cancelled it, or another writer finished it). The caller re-reads the job and
 * decides again; nothing was written.
 */
public final class ProgressConflict extends RuntimeException {
  private final String jobId;

  public ProgressConflict(String jobId, String expected) {
    super("job " + jobId + " is no longer " + expected);
    this.jobId = jobId;
  }

  public String jobId() {
    return jobId;
  }
}
