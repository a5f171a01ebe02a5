package io.printrelay.function.expiry;

import io.printrelay.model.FinishedJob;
import java.time.Instant;
import java.util.List;

/** What the label expiry reads and writes in the table. */
public interface ExpiryStore {
  /**
   * Up to {@code limit} jobs, oldest finish first, that finished longer than the retention before
   * {@code now} and whose labels are still stored.
   */
  List<FinishedJob> labelsDue(Instant now, int limit);

  /**
   * Deletes the job's labels; labels already gone are no matter. Throws when the table refuses or
   * throttles: the job then stays due and the next run deletes them.
   */
  void deleteLabels(FinishedJob job);

  /** The job's labels are gone: it is no longer due, and its TTL deletes it. */
  void labelsDeleted(String jobId);
}
