package io.printrelay.function.metrics;

import io.printrelay.function.config.PrinterSettings;
import io.printrelay.function.dispatch.SweepReport;
import io.printrelay.function.printers.PrinterStatus;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Printer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sweep's pass that tells CloudWatch how the printers and their queues stand: which printers
 * show offline (by {@link PrinterStatus}, as the API and the web view show them) and how many jobs
 * are queued, printing and paused, and how many labels were printed since the last run ({@link
 * LabelsPrinted}). The stack alarms when a printer stays offline and charts the rest. One read of
 * the printers and one of each printer's active jobs per run, and what the labels count reads.
 */
@Singleton
public class PrinterWatch implements SweepReport {
  private final Reads reads;
  private final Clock clock;
  private final PrinterSettings settings;
  private final EmbeddedMetrics metrics;
  private final LabelsPrinted labelsPrinted;

  public PrinterWatch(
      Reads reads,
      Clock clock,
      PrinterSettings settings,
      EmbeddedMetrics metrics,
      LabelsPrinted labelsPrinted) {
    this.reads = reads;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.labelsPrinted = labelsPrinted;
  }

  @Override
  public String name() {
    return "printers and jobs for CloudWatch";
  }

  /** Publishes this run's figures; reads nothing where no metric line would be written. */
  @Override
  public void run() {
    if (!metrics.enabled()) {
      return;
    }
    Instant now = clock.instant();
    metrics.publish(figures(now), now);
  }

  /** This run's figures; counting the labels printed moves the tally on to {@code now}. */
  SweepFigures figures(Instant now) {
    List<String> offline = new ArrayList<>();
    List<ActiveJob> active = new ArrayList<>();
    for (Printer printer : reads.printers()) {
      if (PrinterStatus.of(printer, now, settings.offlineAfter()).offline()) {
        offline.add(printer.printerId());
      }
      active.addAll(reads.activeJobs(printer.printerId()));
    }
    Map<JobStatus, Long> byStatus =
        active.stream().collect(Collectors.groupingBy(ActiveJob::status, Collectors.counting()));
    Function<JobStatus, Integer> count = status -> byStatus.getOrDefault(status, 0L).intValue();
    return new SweepFigures(
        offline,
        count.apply(JobStatus.QUEUED),
        count.apply(JobStatus.PRINTING),
        count.apply(JobStatus.PAUSED),
        labelsPrinted.since(active, now));
  }
}
