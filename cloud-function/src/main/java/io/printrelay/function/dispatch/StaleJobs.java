package io.printrelay.function.dispatch;

import io.printrelay.function.config.DispatchSweepSettings;
import io.printrelay.function.config.PrinterSettings;
import io.printrelay.function.logging.LogContext;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Printer;
import io.printrelay.model.PrinterState;
import io.printrelay.model.QueuePlace;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep's pass for queued jobs whose message may be gone: dead-lettered, expired, deleted by
 * hand. The table is the truth and SQS the wake-up call, so a job the table says is {@code queued}
 * must print when its printer is free, message or not; this pass sends such a job again.
 *
 * <p>Which jobs: of each printer that takes work (not paused, its agent heard from lately, ready or
 * printing), the queued jobs that entered their tier more than {@code staleAfter} ago and come
 * before everything the printer is printing, so before the job it would have taken had it held
 * their message. Jobs behind the one printing wait their turn and are left alone, which keeps a
 * long backlog from being re-sent over and over; once the printer moves past a stranded job, it
 * becomes due. A job is re-sent at most once per {@code staleAfter} (the claim checks and stamps
 * {@code resentAt}), and at most {@code stalePerPrinter} claims are tried per printer and run.
 *
 * <p>A re-send is harmless for a job that was only waiting: it claims the next dispatch number (so
 * SQS does not drop it as a duplicate) and the agent merges it into the job it already holds.
 */
@Singleton
public class StaleJobs {
  private static final Logger LOG = LoggerFactory.getLogger(StaleJobs.class);

  private final Reads reads;
  private final DispatchStore store;
  private final Dispatcher dispatcher;
  private final Clock clock;
  private final DispatchSweepSettings settings;
  private final PrinterSettings printers;

  public StaleJobs(
      Reads reads,
      DispatchStore store,
      Dispatcher dispatcher,
      Clock clock,
      DispatchSweepSettings settings,
      PrinterSettings printers) {
    this.reads = reads;
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.settings = settings;
    this.printers = printers;
  }

  /** Returns how many jobs were sent again. */
  public int resend() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(settings.staleAfter());
    int sent = 0;
    for (Printer printer : reads.printers()) {
      if (takesWork(printer, now)) {
        sent +=
            LogContext.forPrinter(
                printer.printerId(), () -> resend(printer.printerId(), now, cutoff));
      }
    }
    if (sent > 0) {
      LOG.info(
          "Dispatch sweep sent {} job(s) again that waited over {}", sent, settings.staleAfter());
    }
    return sent;
  }

  private int resend(String printerId, Instant now, Instant cutoff) {
    int sent = 0;
    for (ActiveJob job :
        due(reads.activeJobs(printerId), cutoff).stream()
            .limit(settings.stalePerPrinter())
            .toList()) {
      if (store.claimStale(job.jobId(), now, cutoff).map(dispatcher::send).orElse(false)) {
        sent++;
      }
    }
    return sent;
  }

  /** A paused, silent or failing printer would not start the job anyway: no use sending it. */
  private boolean takesWork(Printer printer, Instant now) {
    return !printer.paused()
        && !printer.silent(now, printers.offlineAfter())
        && (printer.state() == PrinterState.READY || printer.state() == PrinterState.PRINTING);
  }

  /**
   * The queued jobs that entered their tier before {@code cutoff} and come before every job of the
   * printer that is printing, most urgent first.
   */
  static List<ActiveJob> due(List<ActiveJob> active, Instant cutoff) {
    Optional<QueuePlace> printing =
        active.stream()
            .filter(job -> job.status() == JobStatus.PRINTING)
            .map(ActiveJob::place)
            .min(QueuePlace.PRINT_ORDER);
    return active.stream()
        .filter(job -> job.status() == JobStatus.QUEUED)
        .filter(job -> job.place().enqueuedAt().isBefore(cutoff))
        .filter(job -> printing.isEmpty() || job.place().compareTo(printing.get()) < 0)
        .sorted((a, b) -> a.place().compareTo(b.place()))
        .toList();
  }
}
