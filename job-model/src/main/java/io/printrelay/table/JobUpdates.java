package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import io.printrelay.model.JobEvent;
import java.time.Instant;

/**
 * Job status writes built from the state machine ({@link JobEvent}): the condition is always "the
 * status is one the event may happen in", so a write that lost a race is refused, never applied
 * over a newer status. Callers add what else the event writes.
 */
public final class JobUpdates {
  private JobUpdates() {}

  /**
   * The event on the job: its new status (if it changes one) under the state machine's condition. A
   * move to a final status also stamps {@code finishedAt}, takes the job out of its printer's queue
   * index and the undispatched index, and sets it to expire ({@link Expiry#finish}): every final
   * move goes through here. A move to an unfinished status leaves the job without expiry.
   */
  public static ItemUpdate apply(String jobId, JobEvent event, Instant now) {
    ItemUpdate update = ItemUpdate.of(ItemKeys.job(jobId)).when(Condition.allows(event));
    event
        .to()
        .ifPresent(
            to -> {
              update.set(STATUS, ItemMapper.s(to.wireName()));
              if (to.isFinal()) {
                Expiry.finish(update, jobId, now)
                    .set(FINISHED_AT, ItemMapper.instantValue(now))
                    .remove(ACTIVE_PRINTER_ID, QUEUE_KEY, UNDISPATCHED);
              } else {
                Expiry.unfinished(update);
              }
            });
    return update;
  }

  /**
   * Puts the job at the end of its tier at {@code now} (its queue key, back in the printer's queue
   * index) and claims its next dispatch: the undispatched mark stays until the send is confirmed.
   */
  public static ItemUpdate enqueue(ItemUpdate update, String jobId, Instant now) {
    return claimDispatch(
        update
            .set(ENQUEUED_AT, ItemMapper.instantValue(now))
            .set(QUEUE_KEY, ItemMapper.s(ItemKeys.timeKey(now, jobId)))
            .copy(ACTIVE_PRINTER_ID, PRINTER_ID));
  }

  /**
   * Claims the next dispatch number and marks the job undispatched until it is confirmed. A
   * dead-letter mark goes: it named an older message.
   */
  public static ItemUpdate claimDispatch(ItemUpdate update) {
    return update
        .increment(DISPATCH_COUNT, 1)
        .set(UNDISPATCHED, ItemMapper.s(UNDISPATCHED_VALUE))
        .remove(DEAD_LETTERED);
  }

  /**
   * Clears the undispatched mark once dispatch {@code n} is sent, only if {@code n} is still the
   * latest claimed: confirmation only ever moves forward, never clears a newer claim's mark.
   */
  public static ItemUpdate confirmDispatch(String jobId, int n) {
    return ItemUpdate.of(ItemKeys.job(jobId))
        .remove(UNDISPATCHED)
        .when(Condition.equalTo(DISPATCH_COUNT, ItemMapper.n(n)));
  }

  /** The status condition alone, for an event that only checks (e.g. in a transaction). */
  public static Condition inStatusFor(JobEvent event) {
    return Condition.allows(event);
  }
}
