package io.printrelay.function.metrics;

import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.table.LabelTallyItems.Tally;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How many labels were printed since the last sweep run, from the {@code printed} count the agent
 * writes on each job: the difference from what the last run counted ({@link LabelTally}, one item
 * in the table, so no run depends on Lambda keeping memory). Each run reads the jobs printing now,
 * the jobs the tally still holds (those paused, or gone final since), and the jobs that finished
 * since the last run's read of the {@code finished} index: a small job prints and completes between
 * two runs without ever being seen printing. A job not yet counted counts from 0, as every job
 * starts (a resume or a reprint makes a new job), so a queued job skipped now is counted later,
 * never lost.
 *
 * <p>The {@code finished} index is read up to {@link #INDEX_LAG} ago, so that a job finished just
 * now has surely reached it; the tally keeps a final job until that read has passed its finish, so
 * it is never counted twice.
 */
@Singleton
public class LabelsPrinted {
  static final Duration INDEX_LAG = Duration.ofMinutes(1);

  private final Reads reads;
  private final LabelTally tally;

  public LabelsPrinted(Reads reads, LabelTally tally) {
    this.reads = reads;
    this.tally = tally;
  }

  /**
   * Labels printed since the last run; 0 when a run overlapping this one counted them first.
   *
   * @param active every printer's jobs not final, as the sweep read them for its figures
   */
  public int since(List<ActiveJob> active, Instant now) {
    Optional<Tally> last = tally.last();
    Map<String, Integer> counted = last.map(Tally::counted).orElse(Map.of());
    Instant until = now.minus(INDEX_LAG);
    Set<String> jobIds = new LinkedHashSet<>(counted.keySet());
    active.stream()
        .filter(job -> job.status() == JobStatus.PRINTING)
        .forEach(job -> jobIds.add(job.jobId()));
    Instant after = last.map(Tally::until).orElse(until);
    if (after.isBefore(until)) {
      jobIds.addAll(tally.finishedBetween(after, until));
    }
    int printed = 0;
    Map<String, Integer> next = new HashMap<>();
    for (Job job : reads.jobs(List.copyOf(jobIds))) {
      int before = counted.getOrDefault(job.jobId(), 0);
      printed += Math.max(0, job.printed() - before);
      int seen = Math.max(before, job.printed());
      if (seen > 0 && !finishedBefore(job, until)) {
        next.put(job.jobId(), seen);
      }
    }
    long version = last.map(Tally::version).orElse(0L) + 1;
    return tally.replace(new Tally(next, until.isAfter(after) ? until : after, version))
        ? printed
        : 0;
  }

  // A job the finished index read has passed is done with; one it has not may come up again.
  private static boolean finishedBefore(Job job, Instant until) {
    return job.status().isFinal() && (job.finishedAt() == null || !job.finishedAt().isAfter(until));
  }
}
