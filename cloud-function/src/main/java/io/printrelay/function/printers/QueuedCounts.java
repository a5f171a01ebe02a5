package io.printrelay.function.printers;

import io.micronaut.serde.annotation.Serdeable;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import java.util.List;

/** How many jobs wait in each tier of a printer's queue: queued ones (paused jobs do not wait). */
@Serdeable
public record QueuedCounts(int high, int normal, int low) {
  public static QueuedCounts of(List<ActiveJob> active) {
    int[] counts = new int[Priority.values().length];
    for (ActiveJob job : active) {
      if (job.status() == JobStatus.QUEUED) {
        counts[job.priority().ordinal()]++;
      }
    }
    return new QueuedCounts(
        counts[Priority.HIGH.ordinal()],
        counts[Priority.NORMAL.ordinal()],
        counts[Priority.LOW.ordinal()]);
  }
}
