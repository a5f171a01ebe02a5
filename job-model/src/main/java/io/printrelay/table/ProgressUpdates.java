package io.printrelay.table;

import static io.printrelay.table.ItemMapper.instantValue;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.ns;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.*;

import io.printrelay.model.JobEvent;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The agent's progress writes on job and label items. Status moves come from the state machine
 * ({@link JobUpdates}); a label's outcome is written only to a label still pending, together with
 * its job's counters ({@link LabelChange}), so the job never disagrees with its labels.
 */
public final class ProgressUpdates {
  private ProgressUpdates() {}

  /** START (queued, or printing when taking back an interrupted job), keeping the first start. */
  public static ItemUpdate start(String jobId, Instant now) {
    return JobUpdates.apply(jobId, JobEvent.START, now).setIfAbsent(STARTED_AT, instantValue(now));
  }

  /**
   * START with the agent's first reservation ({@link JobTable#RESERVED_THROUGH}) in the same write,
   * so that the first label need not wait for a sync.
   */
  public static ItemUpdate start(String jobId, Instant now, int reservedThrough) {
    return start(jobId, now).set(RESERVED_THROUGH, n(reservedThrough));
  }

  /** PROGRESS: label {@code index} is the job's current one and in flight; only while printing. */
  public static ItemUpdate labelInFlight(String jobId, int index) {
    return ItemUpdate.of(ItemKeys.job(jobId))
        .set(CURRENT_LABEL, n(index))
        .set(IN_FLIGHT_LABEL, n(index))
        .when(JobUpdates.inStatusFor(JobEvent.PROGRESS));
  }

  /** One more attempt at a label still pending. */
  public static ItemUpdate labelAttempt(String jobId, int index) {
    return pendingLabel(jobId, index).add(ATTEMPTS, n(1));
  }

  /** COMPLETE: the job is done, and no label is current or in flight any more. */
  public static ItemUpdate complete(String jobId, Instant now) {
    return JobUpdates.apply(jobId, JobEvent.COMPLETE, now)
        .remove(CURRENT_LABEL, IN_FLIGHT_LABEL, RESERVED_THROUGH);
  }

  /** FAIL with the reason; no label is current or in flight any more. */
  public static ItemUpdate fail(String jobId, String error, Instant now) {
    return JobUpdates.apply(jobId, JobEvent.FAIL, now)
        .set(ERROR, s(error))
        .remove(CURRENT_LABEL, IN_FLIGHT_LABEL, RESERVED_THROUGH);
  }

  /** The printer has the label: printed and counted, no longer in flight. */
  public static LabelChange printed(String jobId, int index, Instant now) {
    return new LabelChange(
        pendingLabel(jobId, index)
            .set(STATUS, s(LabelStatus.PRINTED.wireName()))
            .set(PRINTED_AT, instantValue(now)),
        storedJob(jobId).add(PRINTED, n(1)).remove(IN_FLIGHT_LABEL));
  }

  /** Out of attempts: failed with its error and listed on the job, no longer in flight. */
  public static LabelChange failed(String jobId, int index, String error) {
    return new LabelChange(
        pendingLabel(jobId, index)
            .set(STATUS, s(LabelStatus.FAILED.wireName()))
            .set(ERROR, s(error)),
        storedJob(jobId).add(FAILED_LABELS, ns(List.of(index))).remove(IN_FLIGHT_LABEL));
  }

  /**
   * Outcome unknown: flagged and listed on the job; it stays pending, so it is printed again. No
   * longer in flight, so a crash before it starts again does not flag it twice.
   */
  public static LabelChange uncertain(String jobId, int index) {
    return new LabelChange(
        pendingLabel(jobId, index).set(UNCERTAIN, AttributeValue.fromBool(true)),
        storedJob(jobId).add(UNCERTAIN_LABELS, ns(List.of(index))).remove(IN_FLIGHT_LABEL));
  }

  /**
   * The agent's journal, synced: a label's state as the agent recorded it locally. Written to a
   * label still pending or already in that state, so sending it again (after a crash, a lost
   * answer) is harmless; a label that moved elsewhere refuses, and the transaction says which one.
   */
  public static ItemUpdate labelSynced(Label label) {
    ItemUpdate update =
        ItemUpdate.of(ItemKeys.label(label.jobId(), label.index()))
            .set(STATUS, s(label.status().wireName()))
            .set(UNCERTAIN, AttributeValue.fromBool(label.uncertain()))
            .set(ATTEMPTS, n(label.attempts()))
            .when(
                Condition.in(
                    STATUS,
                    List.of(s(LabelStatus.PENDING.wireName()), s(label.status().wireName()))));
    if (label.printedAt() != null) {
      update.set(PRINTED_AT, instantValue(label.printedAt()));
    }
    if (label.error() != null) {
      update.set(ERROR, s(label.error()));
    }
    return update;
  }

  /**
   * The agent's journal, synced: the job's counters as the journal has them. Counts are set, label
   * lists added as sets, so a repeat changes nothing; written whatever the job's status (a pause
   * must not lose progress), only to a job that exists.
   *
   * @param inFlight the label being sent as the journal last said, or null
   * @param reservedThrough the highest label the agent may send before it writes again, or null
   *     when it sends no more (the reservation goes)
   */
  public static ItemUpdate jobSynced(
      String jobId,
      int printed,
      List<Integer> failed,
      List<Integer> uncertain,
      Integer current,
      Integer inFlight,
      Integer reservedThrough) {
    ItemUpdate update = storedJob(jobId).set(PRINTED, n(printed));
    if (!failed.isEmpty()) {
      update.add(FAILED_LABELS, ns(failed));
    }
    if (!uncertain.isEmpty()) {
      update.add(UNCERTAIN_LABELS, ns(uncertain));
    }
    if (current != null) {
      update.set(CURRENT_LABEL, n(current));
    }
    if (reservedThrough == null) {
      update.remove(RESERVED_THROUGH);
    } else {
      update.set(RESERVED_THROUGH, n(reservedThrough));
    }
    return inFlight == null
        ? update.remove(IN_FLIGHT_LABEL)
        : update.set(IN_FLIGHT_LABEL, n(inFlight));
  }

  /**
   * A label's outcome and what it changes on its job, for one transaction (label first). The label
   * refuses when it is no longer pending (recorded already); the job only when it is gone.
   */
  public record LabelChange(ItemUpdate label, ItemUpdate job) {}

  private static ItemUpdate pendingLabel(String jobId, int index) {
    return ItemUpdate.of(ItemKeys.label(jobId, index))
        .when(Condition.equalTo(STATUS, s(LabelStatus.PENDING.wireName())));
  }

  /** A label's outcome is recorded whatever the job's status since (a pause must not lose it). */
  private static ItemUpdate storedJob(String jobId) {
    return ItemUpdate.of(ItemKeys.job(jobId)).when(Condition.exists(PK));
  }
}
