package io.printrelay.function.dispatch;

import io.printrelay.function.config.DispatchSweepSettings;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Printer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what should be on the queues and may not be.
 *
 * <p>{@link #run()}, the sweep's first pass (all of them: {@link SweepPasses}): jobs whose submit
 * stored them but did not confirm the send, once older than the grace period (so a submit still in
 * flight is left alone). Each send gets the next dispatch number, so SQS's deduplication never
 * swallows it; agents treat a second message for the same job as the same job.
 *
 * <p>{@link #redispatchAll()}: every queued or printing job again, for `printrelay local` at start,
 * because ElasticMQ does not keep messages across restarts.
 */
@Singleton
public class DispatchSweep {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchSweep.class);
  // Printing jobs first: their agent is mid-job; then each tier oldest first.
  private static final Comparator<ActiveJob> RESEND_ORDER =
      Comparator.comparing((ActiveJob job) -> job.status() != JobStatus.PRINTING)
          .thenComparing(ActiveJob::place);

  private final Reads reads;
  private final DispatchStore store;
  private final Dispatcher dispatcher;
  private final Clock clock;
  private final DispatchSweepSettings settings;

  public DispatchSweep(
      Reads reads,
      DispatchStore store,
      Dispatcher dispatcher,
      Clock clock,
      DispatchSweepSettings settings) {
    this.reads = reads;
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.settings = settings;
  }

  /** Returns how many messages were sent. */
  public int run() {
    int sent = 0;
    for (String jobId : store.undispatchedJobIds(clock.instant().minus(settings.grace()))) {
      sent += sweep(jobId) ? 1 : 0;
    }
    if (sent > 0) {
      LOG.info("Dispatch sweep sent {} job(s) that had not reached their queue", sent);
    }
    return sent;
  }

  /** Re-sends every queued or printing job of every registered printer. */
  public int redispatchAll() {
    return redispatchActive(
        reads.printers().stream().map(Printer::printerId).toArray(String[]::new));
  }

  /** Re-sends every queued or printing job of these printers; returns how many. */
  public int redispatchActive(String... printerIds) {
    int sent = 0;
    for (String printerId : printerIds) {
      List<ActiveJob> active =
          reads.activeJobs(printerId).stream()
              .filter(job -> JobEvent.DISPATCH.allowedFrom(job.status()))
              .sorted(RESEND_ORDER)
              .toList();
      for (ActiveJob job : active) {
        sent += send(store.claimRedispatch(job.jobId())) ? 1 : 0;
      }
    }
    return sent;
  }

  private boolean sweep(String jobId) {
    Optional<Job> job = reads.job(jobId);
    if (job.isEmpty() || !job.get().dispatchPending()) {
      return false;
    }
    // Paused or final: the state machine sends it nothing; its resume (if any) claims anew.
    if (!JobEvent.DISPATCH.allowedFrom(job.get().status())) {
      store.clearUndispatched(jobId);
      return false;
    }
    return send(store.claimUndispatched(jobId));
  }

  // The claimed job carries the new dispatch number and the priority it has now.
  private boolean send(Optional<Job> claimed) {
    return claimed.map(dispatcher::send).orElse(false);
  }
}
