package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

  /**
   * The next dispatch of a job no agent has started ({@code queued}) that entered its tier before
   * {@code cutoff} and was not re-sent by this claim since {@code cutoff}: the sweep's re-send of a
   * job whose message may be lost. Stamps {@code resentAt}, so a job is re-sent at most once per
   * period however often the sweep runs.
   */
  public static ItemUpdate claimStale(String jobId, Instant now, Instant cutoff) {
    AttributeValue before = ItemMapper.instantValue(cutoff);
    return JobUpdates.claimDispatch(
        stillToPrint(jobId)
            .set(RESENT_AT, ItemMapper.instantValue(now))
            .when(Condition.equalTo(STATUS, ItemMapper.s(JobStatus.QUEUED.wireName())))
            .when(Condition.lessThan(ENQUEUED_AT, before))
            .when(Condition.notExists(RESENT_AT).or(Condition.lessThan(RESENT_AT, before))));
  }

  /**
   * Marks a job whose message of dispatch {@code dispatch} sits in a dead-letter queue, only while
   * that is its latest dispatch and it still needs a message (queued or printing).
   */
  public static ItemUpdate markDeadLettered(String jobId, int dispatch) {
    return stillToPrint(jobId)
        .set(DEAD_LETTERED, ItemMapper.n(dispatch))
        .when(Condition.equalTo(DISPATCH_COUNT, ItemMapper.n(dispatch)));
  }

  /** Clears the mark of a job that needs no message (paused, or final); creates no item. */
  public static ItemUpdate clearPending(String jobId) {
    return ItemUpdate.of(ItemKeys.job(jobId)).remove(UNDISPATCHED).when(Condition.exists(PK));
  }

  private static ItemUpdate stillToPrint(String jobId) {
    return ItemUpdate.of(ItemKeys.job(jobId)).when(Condition.allows(JobEvent.DISPATCH));
  }
}
