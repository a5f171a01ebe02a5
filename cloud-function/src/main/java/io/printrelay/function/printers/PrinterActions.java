package io.printrelay.function.printers;

import io.printrelay.function.actions.CancelJob;
import io.printrelay.function.problem.NotFound;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.PrinterId;
import jakarta.inject.Singleton;

/**
 * An operator's hold on a printer, and clearing its queue.
 *
 * <p>The pause is a flag on the printer item, so it lasts across restarts of agent and cloud until
 * resumed. Agents check it before every label, in the same transaction that checks the job is still
 * printing, so a pause stops at a label boundary; a job waiting on a paused printer stays queued
 * (docs/api.md#printer-actions).
 */
@Singleton
public class PrinterActions {
  private final PrinterStore store;
  private final ReadPrinters read;
  private final Reads reads;
  private final CancelJob cancel;

  public PrinterActions(PrinterStore store, ReadPrinters read, Reads reads, CancelJob cancel) {
    this.store = store;
    this.read = read;
    this.reads = reads;
    this.cancel = cancel;
  }

  public PrinterView pause(String printerId) {
    return setPaused(printerId, true);
  }

  public PrinterView resume(String printerId) {
    return setPaused(printerId, false);
  }

  /**
   * Cancels every waiting (queued or paused) job of the printer through the cancel use case, one
   * job at a time: a job that started printing meanwhile is left alone and not counted. The job it
   * is printing, if any, goes on.
   */
  public ClearedQueue clear(String printerId) {
    read.registered(printerId);
    int cancelled = 0;
    for (ActiveJob job : reads.activeJobs(printerId)) {
      if (job.status().isWaiting() && cancel.cancelIfWaiting(job.jobId())) {
        cancelled++;
      }
    }
    return new ClearedQueue(printerId, cancelled);
  }

  private PrinterView setPaused(String printerId, boolean paused) {
    if (!PrinterId.isValid(printerId)) {
      throw new NotFound("printer", printerId);
    }
    return read.view(
        store.setPaused(printerId, paused).orElseThrow(() -> new NotFound("printer", printerId)));
  }
}
