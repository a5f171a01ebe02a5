package io.printrelay.function.printers;

import io.printrelay.function.config.PrinterSettings;
import io.printrelay.function.problem.NotFound;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Printer;
import io.printrelay.model.PrinterId;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The read side: every printer, or one, as views with their status and queue counts. */
@Singleton
public class ReadPrinters {
  private final Reads reads;
  private final PrinterSettings settings;
  private final Clock clock;

  public ReadPrinters(Reads reads, PrinterSettings settings, Clock clock) {
    this.reads = reads;
    this.settings = settings;
    this.clock = clock;
  }

  public PrinterList list() {
    return new PrinterList(reads.printers().stream().map(this::view).toList());
  }

  public PrinterView printer(String printerId) {
    return view(registered(printerId));
  }

  /** The printer, or a 404 when no agent registered it (an id no printer can have included). */
  Printer registered(String printerId) {
    if (!PrinterId.isValid(printerId)) {
      throw new NotFound("printer", printerId);
    }
    return reads.printer(printerId).orElseThrow(() -> new NotFound("printer", printerId));
  }

  PrinterView view(Printer printer) {
    PrinterStatus status = PrinterStatus.of(printer, clock.instant(), settings.offlineAfter());
    return PrinterView.of(printer, status, QueuedCounts.of(reads.activeJobs(printer.printerId())));
  }
}
