package io.printrelay.function.printers;

import io.printrelay.function.config.PrinterSettings;
import io.printrelay.function.problem.NotFound;
import io.printrelay.model.Printer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** The read side: every printer, or one, as views with their status and queue counts. */
@Singleton
public class ReadPrinters {
  // The submit's printerId rule; anything else cannot name a registered printer.
  private static final Pattern PRINTER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final PrinterStore store;
  private final PrinterSettings settings;
  private final Clock clock;

  public ReadPrinters(PrinterStore store, PrinterSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  public PrinterList list() {
    return new PrinterList(store.printers().stream().map(this::view).toList());
  }

  public PrinterView printer(String printerId) {
    return view(registered(printerId));
  }

  /** The printer, or a 404 when no agent registered it. */
  Printer registered(String printerId) {
    if (!validId(printerId)) {
      throw new NotFound("printer", printerId);
    }
    return store.printer(printerId).orElseThrow(() -> new NotFound("printer", printerId));
  }

  PrinterView view(Printer printer) {
    PrinterStatus status = PrinterStatus.of(printer, clock.instant(), settings.offlineAfter());
    return PrinterView.of(printer, status, QueuedCounts.of(store.activeJobs(printer.printerId())));
  }

  static boolean validId(String printerId) {
    return PRINTER_ID.matcher(printerId).matches();
  }
}
