package io.printrelay.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A print job as stored: its labels live in their own items ({@link Label}). Counters and label
 * lists are kept on the job so that a status read is one item, however many labels it has.
 *
 * @param currentLabel the label being written (or about to be) while printing, else null
 * @param inFlightLabel the label whose bytes are being written right now; still set after a crash,
 *     it names the one label whose outcome is unknown
 * @param enqueuedAt when the job last entered its priority tier: its place in the queue
 * @param dispatchCount how many times a queue message was sent for it; part of the dedup id
 * @param dispatchPending true from the store until its message is confirmed sent
 * @param deadLettered true when the dispatch sweep found the message of its latest dispatch in a
 *     dead-letter queue; the next dispatch claimed clears it
 */
public record Job(
    String jobId,
    String printerId,
    Priority priority,
    JobStatus status,
    String reference,
    int total,
    int printed,
    List<Integer> failedLabels,
    List<Integer> uncertainLabels,
    Integer currentLabel,
    Integer inFlightLabel,
    String parentJobId,
    String error,
    Instant createdAt,
    Instant enqueuedAt,
    Instant startedAt,
    Instant finishedAt,
    int dispatchCount,
    boolean dispatchPending,
    boolean deadLettered) {

  public Job {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(printerId, "printerId");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    failedLabels =
        List.copyOf(failedLabels == null ? List.of() : failedLabels.stream().sorted().toList());
    uncertainLabels =
        List.copyOf(
            uncertainLabels == null ? List.of() : uncertainLabels.stream().sorted().toList());
  }

  /**
   * A job just accepted: queued, nothing printed, its first dispatch claimed (number 1) and marked
   * pending until the message is confirmed sent.
   */
  public static Job accepted(
      String jobId,
      String printerId,
      Priority priority,
      String reference,
      int total,
      String parentJobId,
      Instant now) {
    return new Job(
        jobId,
        printerId,
        priority,
        JobStatus.QUEUED,
        reference,
        total,
        0,
        List.of(),
        List.of(),
        null,
        null,
        parentJobId,
        null,
        now,
        now,
        null,
        null,
        1,
        true,
        false);
  }

  public int failed() {
    return failedLabels.size();
  }

  public int uncertain() {
    return uncertainLabels.size();
  }

  /** Labels neither printed nor failed. */
  public int remaining() {
    return total - printed - failed();
  }

  /** This job at another status; callers decide the move with {@link JobEvent#apply}. */
  public Job withStatus(JobStatus next) {
    return new Job(
        jobId,
        printerId,
        priority,
        next,
        reference,
        total,
        printed,
        failedLabels,
        uncertainLabels,
        currentLabel,
        inFlightLabel,
        parentJobId,
        error,
        createdAt,
        enqueuedAt,
        startedAt,
        finishedAt,
        dispatchCount,
        dispatchPending,
        deadLettered);
  }

  public Job withPriority(Priority next) {
    return new Job(
        jobId,
        printerId,
        next,
        status,
        reference,
        total,
        printed,
        failedLabels,
        uncertainLabels,
        currentLabel,
        inFlightLabel,
        parentJobId,
        error,
        createdAt,
        enqueuedAt,
        startedAt,
        finishedAt,
        dispatchCount,
        dispatchPending,
        deadLettered);
  }

  /** Progress: how many printed, which failed and uncertain, and the label at hand. */
  public Job withProgress(
      int nowPrinted,
      List<Integer> failed,
      List<Integer> uncertain,
      Integer current,
      Integer inFlight) {
    return new Job(
        jobId,
        printerId,
        priority,
        status,
        reference,
        total,
        nowPrinted,
        failed,
        uncertain,
        current,
        inFlight,
        parentJobId,
        error,
        createdAt,
        enqueuedAt,
        startedAt,
        finishedAt,
        dispatchCount,
        dispatchPending,
        deadLettered);
  }

  public Job withTimes(Instant enqueued, Instant started, Instant finished) {
    return new Job(
        jobId,
        printerId,
        priority,
        status,
        reference,
        total,
        printed,
        failedLabels,
        uncertainLabels,
        currentLabel,
        inFlightLabel,
        parentJobId,
        error,
        createdAt,
        enqueued,
        started,
        finished,
        dispatchCount,
        dispatchPending,
        deadLettered);
  }

  public Job withError(String message) {
    return new Job(
        jobId,
        printerId,
        priority,
        status,
        reference,
        total,
        printed,
        failedLabels,
        uncertainLabels,
        currentLabel,
        inFlightLabel,
        parentJobId,
        message,
        createdAt,
        enqueuedAt,
        startedAt,
        finishedAt,
        dispatchCount,
        dispatchPending,
        deadLettered);
  }

  /** Dispatch {@code count} claimed ({@code pending}) or confirmed sent (not pending). */
  public Job withDispatch(int count, boolean pending) {
    return new Job(
        jobId,
        printerId,
        priority,
        status,
        reference,
        total,
        printed,
        failedLabels,
        uncertainLabels,
        currentLabel,
        inFlightLabel,
        parentJobId,
        error,
        createdAt,
        enqueuedAt,
        startedAt,
        finishedAt,
        count,
        pending,
        deadLettered);
  }

  /** Marked, or no longer marked, as having its latest message in a dead-letter queue. */
  public Job withDeadLettered(boolean marked) {
    return new Job(
        jobId,
        printerId,
        priority,
        status,
        reference,
        total,
        printed,
        failedLabels,
        uncertainLabels,
        currentLabel,
        inFlightLabel,
        parentJobId,
        error,
        createdAt,
        enqueuedAt,
        startedAt,
        finishedAt,
        dispatchCount,
        dispatchPending,
        marked);
  }

  /** Where the job stands in its printer's queue. */
  public QueuePlace queuePlace() {
    return new QueuePlace(priority, enqueuedAt == null ? createdAt : enqueuedAt, jobId);
  }
}
