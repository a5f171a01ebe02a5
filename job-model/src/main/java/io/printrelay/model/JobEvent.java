package io.printrelay.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The job state machine: every status write in the table is one of these events, and the table
 * write is conditional on the job being in one of the event's {@link #from()} statuses (see {@code
 * io.printrelay.table.JobUpdates}). Events that keep the status ({@link #to()} empty) still name
 * where they may happen: progress is only written to a printing job, a dispatch only claimed for a
 * job still to print.
 *
 * <pre>
 *   event           by        from                          to
 *   START           agent     queued, printing              printing
 *   PAUSE           operator  queued, printing              paused
 *   RESUME          operator  paused                        queued
 *   CANCEL          operator  queued, printing, paused      cancelled
 *   COMPLETE        agent     printing                      completed
 *   FAIL            agent     printing                      failed
 *   REPRIORITISE    operator  queued, paused                (same)
 *   DISPATCH        function  queued, printing              (same)
 *   PROGRESS        agent     printing                      (same)
 *   FOLLOW_UP       operator  failed, cancelled             (same; a new job gets the rest)
 * </pre>
 *
 * START from printing is the agent taking back a job it was printing when it stopped (a crash or a
 * restart); completed, failed and cancelled jobs never change status again.
 */
public enum JobEvent {
  START(EnumSet.of(JobStatus.QUEUED, JobStatus.PRINTING), JobStatus.PRINTING),
  PAUSE(EnumSet.of(JobStatus.QUEUED, JobStatus.PRINTING), JobStatus.PAUSED),
  RESUME(EnumSet.of(JobStatus.PAUSED), JobStatus.QUEUED),
  CANCEL(EnumSet.of(JobStatus.QUEUED, JobStatus.PRINTING, JobStatus.PAUSED), JobStatus.CANCELLED),
  COMPLETE(EnumSet.of(JobStatus.PRINTING), JobStatus.COMPLETED),
  FAIL(EnumSet.of(JobStatus.PRINTING), JobStatus.FAILED),
  REPRIORITISE(EnumSet.of(JobStatus.QUEUED, JobStatus.PAUSED), null),
  DISPATCH(EnumSet.of(JobStatus.QUEUED, JobStatus.PRINTING), null),
  PROGRESS(EnumSet.of(JobStatus.PRINTING), null),
  FOLLOW_UP(EnumSet.of(JobStatus.FAILED, JobStatus.CANCELLED), null);

  private final Set<JobStatus> from;
  private final JobStatus to;

  JobEvent(Set<JobStatus> from, JobStatus to) {
    this.from = Set.copyOf(from);
    this.to = to;
  }

  /** The statuses the event may happen in. */
  public Set<JobStatus> from() {
    return from;
  }

  /** The status after the event; empty when the event keeps the status. */
  public Optional<JobStatus> to() {
    return Optional.ofNullable(to);
  }

  public boolean allowedFrom(JobStatus status) {
    return from.contains(status);
  }

  /** The status after the event, or {@link IllegalStatusChange} naming the status and the event. */
  public JobStatus apply(JobStatus status) {
    if (!allowedFrom(status)) {
      throw new IllegalStatusChange(status, this);
    }
    return to == null ? status : to;
  }

  /** As {@link #apply(JobStatus)} on the job's status; a refusal names the job too. */
  public JobStatus apply(Job job) {
    if (!allowedFrom(job.status())) {
      throw new IllegalStatusChange(job.jobId(), job.status(), this);
    }
    return apply(job.status());
  }
}
