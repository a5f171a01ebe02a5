package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import java.time.Instant;

/**
 * The writes of operators' job actions. Each is its event's move under the state machine's
 * condition ({@link JobUpdates#apply}), and also conditional on the status the action decided on: a
 * write decided on a read that went stale is refused, and the action decides again on a fresh read,
 * never applies a choice made for another status (a tier change of a queued job re-enqueues it; of
 * a paused job it must not).
 */
public final class OperatorUpdates {
  private OperatorUpdates() {}

  /** Queued or printing to paused; the agent stops at the next label boundary. */
  public static ItemUpdate pause(String jobId, JobStatus from, Instant now) {
    return JobUpdates.apply(jobId, JobEvent.PAUSE, now).when(statusIs(from));
  }

  /** Paused to queued at the end of its tier, its next dispatch claimed. */
  public static ItemUpdate resume(String jobId, Instant now) {
    return JobUpdates.enqueue(JobUpdates.apply(jobId, JobEvent.RESUME, now), jobId, now);
  }

  /** To cancelled: stamps the end, leaves its printer's queue and the undispatched index. */
  public static ItemUpdate cancel(String jobId, JobStatus from, Instant now) {
    return JobUpdates.apply(jobId, JobEvent.CANCEL, now).when(statusIs(from));
  }

  /**
   * FOLLOW_UP: records on a failed or cancelled job the job its resume made, only if it has none
   * yet. Written in the same transaction as that job, so a job is resumed once, however many
   * resumes race and however late one comes.
   */
  public static ItemUpdate resumedAs(String jobId, String followUpJobId, Instant now) {
    return JobUpdates.apply(jobId, JobEvent.FOLLOW_UP, now)
        .when(Condition.notExists(RESUMED_AS))
        .set(RESUMED_AS, ItemMapper.s(followUpJobId));
  }

  /**
   * Another tier for a waiting job, conditional on the tier read too. A queued job enters the new
   * tier at {@code now} with its next dispatch claimed; a paused one only records it (its resume
   * enqueues it).
   */
  public static ItemUpdate reprioritise(
      String jobId, JobStatus from, Priority current, Priority wanted, Instant now) {
    ItemUpdate update =
        JobUpdates.apply(jobId, JobEvent.REPRIORITISE, now)
            .when(statusIs(from))
            .when(Condition.equalTo(PRIORITY, ItemMapper.s(current.wireName())))
            .set(PRIORITY, ItemMapper.s(wanted.wireName()));
    return from == JobStatus.QUEUED ? JobUpdates.enqueue(update, jobId, now) : update;
  }

  private static Condition statusIs(JobStatus decidedOn) {
    return Condition.equalTo(STATUS, ItemMapper.s(decidedOn.wireName()));
  }
}
