package io.printrelay.function.expiry;

import io.printrelay.model.FinishedJob;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the labels of jobs finished longer than the retention ago, then lets each job expire by
 * its own TTL. Labels have no TTL, so a paused job keeps them however long it waits; see
 * job-model's {@code table.Expiry} for why, and what it costs. Run with the dispatch sweep (every
 * minute in AWS, on the local timer otherwise).
 */
@Singleton
public class LabelExpiry {
  /**
   * Jobs per run. At most 500 labels each, so at most 500 BatchWriteItem calls of 25 (some 10-25 s
   * at 20-50 ms a call), inside the sweep's 50 s; and 36,000 jobs a day at one run a minute, far
   * above any site's pace. A run cut short leaves the rest due for the next.
   */
  static final int JOBS_PER_RUN = 25;

  private static final Logger LOG = LoggerFactory.getLogger(LabelExpiry.class);

  private final ExpiryStore store;
  private final Clock clock;

  public LabelExpiry(ExpiryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Returns how many jobs had their labels deleted. */
  public int run() {
    List<FinishedJob> due = store.labelsDue(clock.instant(), JOBS_PER_RUN);
    // Labels first: a run stopped between the two writes leaves the job due, and the next deletes
    // again (deleting a label already gone is no error).
    for (FinishedJob job : due) {
      store.deleteLabels(job);
      store.labelsDeleted(job.jobId());
    }
    if (!due.isEmpty()) {
      LOG.info("Label expiry deleted the labels of {} job(s) finished long ago", due.size());
    }
    return due.size();
  }
}
