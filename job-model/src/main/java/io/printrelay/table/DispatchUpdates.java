package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import io.printrelay.model.JobEvent;

/**
 * Claims of a job's next dispatch, made before its message is sent: each bumps the dispatch count
 * (the message's dedup id) under the state machine's condition for {@link JobEvent#DISPATCH}, so
 * two senders never send the same number and a paused or final job is never sent. Confirmation is
 * {@link JobUpdates#confirmDispatch}.
 */
public final class DispatchUpdates {
  private DispatchUpdates() {}

  /** The next dispatch of a job still marked undispatched (the sweep's claim). */
  public static ItemUpdate claimPending(String jobId) {
    return JobUpdates.claimDispatch(stillToPrint(jobId).when(Condition.exists(UNDISPATCHED)));
  }

  /** The next dispatch of a job, marked or not (a re-send of every job still to print). */
  public static ItemUpdate claimNext(String jobId) {
    return JobUpdates.claimDispatch(stillToPrint(jobId));
  }

  /** Clears the mark of a job that needs no message (paused, or final); creates no item. */
  public static ItemUpdate clearPending(String jobId) {
    return ItemUpdate.of(ItemKeys.job(jobId)).remove(UNDISPATCHED).when(Condition.exists(PK));
  }

  private static ItemUpdate stillToPrint(String jobId) {
    return ItemUpdate.of(ItemKeys.job(jobId)).when(Condition.allows(JobEvent.DISPATCH));
  }
}
