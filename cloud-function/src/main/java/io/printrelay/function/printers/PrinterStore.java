package io.printrelay.function.printers;

import io.printrelay.function.jobs.ActiveJob;
import io.printrelay.model.Printer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What showing and acting on printers needs from the table. */
public interface PrinterStore {
  /** Every registered printer, by id. */
  List<Printer> printers();

  Optional<Printer> printer(String printerId);

  /**
   * Sets or clears the operator's pause on a registered printer, a flag agents check before every
   * label; empty when no agent registered that printer.
   */
  Optional<Printer> setPaused(String printerId, boolean paused);

  /** The printer's jobs that are not final, from the eventually consistent {@code active} index. */
  List<ActiveJob> activeJobs(String printerId);

  /** Cancels the job if it is still queued or paused (a conditional write); false if not. */
  boolean cancelIfWaiting(String jobId, Instant now);
}
