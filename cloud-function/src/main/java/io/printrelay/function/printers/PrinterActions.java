package io.printrelay.function.printers;

import io.printrelay.function.jobs.ActiveJob;
import io.printrelay.function.problem.NotFound;
import io.printrelay.model.JobStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * An operator's hold on a printer, and clearing its queue.
 *
 * <p>The pause is a flag on the printer item, so it lasts across restarts of agent and cloud until
 * resumed. Agents check it before every label, in the same transaction that checks the job is
 * still printing, so a pause stops at a label boundary; a job waiting on a paused printer stays
 * queued (docs/api.md#printer-actions).
 */
@Singleton
public class PrinterActions {
  private final PrinterStore store;
  private final ReadPrinters read;
  private final Clock clock;

  public PrinterActions(PrinterStore store, ReadPrinters read, Clock clock) {
    this.store = store;
    this.read = read;
    this.clock = clock;
  }

  public PrinterView pause(String printerId) {
    return setPaused(printerId, true);
  }

  public PrinterView resume(String printerId) {
    return setPaused(printerId, false);
  }

  /**
   * Cancels every waiting (queued or paused) job of the printer, each with its own conditional
   * write: a job that started printing meanwhile is left alone and not counted. The job it is
   * printing, if any, goes on.
   */
  public ClearedQueue clear(String printerId) {
    read.registered(printerId);
    int cancelled = 0;
    for (ActiveJob job : store.activeJobs(printerId)) {
      boolean waiting = job.status() == JobStatus.QUEUED || job.status() == JobStatus.PAUSED;
      if (waiting && store.cancelIfWaiting(job.jobId(),
          clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
        cancelled++;
      }
    }
    return new ClearedQueue(printerId, cancelled);
  }

  private PrinterView setPaused(String printerId, boolean paused) {
    if (!ReadPrinters.validId(printerId)) {
      throw new NotFound("printer", printerId);
    }
    return read.view(store.setPaused(printerId, paused)
        .orElseThrow(() -> new NotFound("printer", printerId)));
  }
}
