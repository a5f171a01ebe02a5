package io.printrelay.function.printers;

import io.printrelay.model.Printer;
import java.util.Optional;

/** What acting on printers writes to the table (it reads through {@code reads.Reads}). */
public interface PrinterStore {
  /**
   * Sets or clears the operator's pause on a registered printer, a flag agents check before every
   * label; empty when no agent registered that printer (the write never creates one).
   */
  Optional<Printer> setPaused(String printerId, boolean paused);
}
