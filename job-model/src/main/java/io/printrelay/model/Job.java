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
 * @param resumedAs for a failed or cancelled job that was resumed: the job holding its labels not
 *     printed (written with that job, once); else null
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
    String resumedAs,
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

  /**
   * Whether this label of the job, though not recorded printed, may be on paper: it is flagged
   * uncertain, or it is the label in flight. Once the job has left printing (cancelled while the
   * label was being sent, or its agent stopped meanwhile), nothing tells whether the in-flight
   * label reached the printer: the agent may record it printed later, or never
   * (docs/printing.md#uncertain-labels).
   */
  public boolean mayBeOnPaper(Label label) {
    return label.uncertain() || Integer.valueOf(label.index()).equals(inFlightLabel);
  }

  /** Labels neither printed nor failed. */
  public int remaining() {
    return total - printed - failed();
  }

  /** This job at another status; callers decide the move with {@link JobEvent#apply}. */
  public Job withStatus(JobStatus next) {
    Draft d = draft();
    d.status = next;
    return d.build();
  }

  public Job withPriority(Priority next) {
    Draft d = draft();
    d.priority = next;
    return d.build();
  }

  /** Progress: how many printed, which failed and uncertain, and the label at hand. */
  public Job withProgress(
      int nowPrinted,
      List<Integer> failed,
      List<Integer> uncertain,
      Integer current,
      Integer inFlight) {
    Draft d = draft();
    d.printed = nowPrinted;
    d.failedLabels = failed;
    d.uncertainLabels = uncertain;
    d.currentLabel = current;
    d.inFlightLabel = inFlight;
    return d.build();
  }

  public Job withTimes(Instant enqueued, Instant started, Instant finished) {
    Draft d = draft();
    d.enqueuedAt = enqueued;
    d.startedAt = started;
    d.finishedAt = finished;
    return d.build();
  }

  public Job withError(String message) {
    Draft d = draft();
    d.error = message;
    return d.build();
  }

  /** Resumed: {@code followUpJobId} holds its labels not printed. */
  public Job withResumedAs(String followUpJobId) {
    Draft d = draft();
    d.resumedAs = followUpJobId;
    return d.build();
  }

  /** Dispatch {@code count} claimed ({@code pending}) or confirmed sent (not pending). */
  public Job withDispatch(int count, boolean pending) {
    Draft d = draft();
    d.dispatchCount = count;
    d.dispatchPending = pending;
    return d.build();
  }

  /** Marked, or no longer marked, as having its latest message in a dead-letter queue. */
  public Job withDeadLettered(boolean marked) {
    Draft d = draft();
    d.deadLettered = marked;
    return d.build();
  }

  /** Where the job stands in its printer's queue. */
  public QueuePlace queuePlace() {
    return new QueuePlace(priority, enqueuedAt == null ? createdAt : enqueuedAt, jobId);
  }

  private Draft draft() {
    return new Draft(this);
  }

  /** A copy to change a few components of: each wither sets its own and builds. */
  private static final class Draft {
    private String jobId;
    private String printerId;
    private Priority priority;
    private JobStatus status;
    private String reference;
    private int total;
    private int printed;
    private List<Integer> failedLabels;
    private List<Integer> uncertainLabels;
    private Integer currentLabel;
    private Integer inFlightLabel;
    private String parentJobId;
    private String resumedAs;
    private String error;
    private Instant createdAt;
    private Instant enqueuedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private int dispatchCount;
    private boolean dispatchPending;
    private boolean deadLettered;

    private Draft(Job job) {
      jobId = job.jobId;
      printerId = job.printerId;
      priority = job.priority;
      status = job.status;
      reference = job.reference;
      total = job.total;
      printed = job.printed;
      failedLabels = job.failedLabels;
      uncertainLabels = job.uncertainLabels;
      currentLabel = job.currentLabel;
      inFlightLabel = job.inFlightLabel;
      parentJobId = job.parentJobId;
      resumedAs = job.resumedAs;
      error = job.error;
      createdAt = job.createdAt;
      enqueuedAt = job.enqueuedAt;
      startedAt = job.startedAt;
      finishedAt = job.finishedAt;
      dispatchCount = job.dispatchCount;
      dispatchPending = job.dispatchPending;
      deadLettered = job.deadLettered;
    }

    private Job build() {
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
          resumedAs,
          error,
          createdAt,
          enqueuedAt,
          startedAt,
          finishedAt,
          dispatchCount,
          dispatchPending,
          deadLettered);
    }
  }
}
