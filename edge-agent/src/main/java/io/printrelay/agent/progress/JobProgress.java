package io.printrelay.agent.progress;

import io.printrelay.model.Job;
import io.printrelay.model.Label;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Job and label progress in the table. Status writes are conditional: a lost race throws {@link
 * ProgressConflict} (or answers a {@link LabelStart} other than STARTED), never overwrites.
 */
public interface JobProgress {

  /** Strongly consistent read; empty when the job does not exist (or expired). */
  Optional<Job> job(String jobId);

  /** queued (or already printing) to printing, keeping the first startedAt. */
  Job start(String jobId, Instant now);

  /** The job's labels in index order, read consistently page by page as the caller iterates. */
  Iterable<Label> labels(String jobId);

  /**
   * One transaction: printer not paused, job still printing, label still pending; records the label
   * as current and in flight and counts the attempt.
   */
  LabelStart startLabel(String printerId, String jobId, int index);

  /** The printer has the label: printed, counted, no longer in flight. */
  void labelPrinted(String jobId, int index, Instant now);

  /** Out of attempts: the label is failed and listed on the job, no longer in flight. */
  void labelFailed(String jobId, int index, String error);

  /**
   * The label's outcome is unknown (a crash or a cut connection while it was in flight): flag it
   * and list it on the job; it stays pending, so it is printed again.
   */
  void markUncertain(String jobId, int index);

  /** printing to completed; leaves the active index. */
  void complete(String jobId, Instant now);

  /** printing to failed with the reason; leaves the active index. */
  void fail(String jobId, String error, Instant now);

  /** Jobs of the printer left {@code printing} by an agent that stopped without finishing them. */
  List<String> interrupted(String printerId);
}
