package io.printrelay.function.dispatch;

import io.printrelay.function.expiry.LabelExpiry;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the dispatch sweep (every minute in AWS, every 10 s in `printrelay local`), all its
 * passes: jobs stored but never sent ({@link DispatchSweep#run}), queued jobs whose message may be
 * lost ({@link StaleJobs}), the dead-letter queues ({@link DeadLetterSweep}), and the labels of
 * jobs finished long ago ({@link LabelExpiry}); then the passes other features add ({@link
 * SweepPass}: the intake's events still to be made into jobs); and, last, each {@link SweepReport}
 * (the figures the stack's alarms and dashboard read). A pass that fails (say SQS is unreachable)
 * does not keep the others from running; the run then fails with it, so that the failure shows (a
 * Lambda error).
 */
@Singleton
public class SweepPasses {
  private static final Logger LOG = LoggerFactory.getLogger(SweepPasses.class);

  private final DispatchSweep undispatched;
  private final StaleJobs stale;
  private final DeadLetterSweep deadLetters;
  private final LabelExpiry expiry;
  private final List<SweepPass> more;
  private final List<SweepReport> reports;

  public SweepPasses(
      DispatchSweep undispatched,
      StaleJobs stale,
      DeadLetterSweep deadLetters,
      LabelExpiry expiry,
      List<SweepPass> more,
      List<SweepReport> reports) {
    this.undispatched = undispatched;
    this.stale = stale;
    this.deadLetters = deadLetters;
    this.expiry = expiry;
    this.more = List.copyOf(more);
    this.reports = List.copyOf(reports);
  }

  /**
   * Returns how many messages were sent; throws the first failure (the others suppressed in it)
   * once every pass has run.
   */
  public int run() {
    Run run = new Run();
    int sent =
        run.pass("undispatched jobs", undispatched::run) + run.pass("stale jobs", stale::resend);
    run.pass("dead letters", deadLetters::sweep);
    run.pass("label expiry", expiry::run);
    for (SweepPass pass : more) {
      run.pass(pass.name(), pass::run);
    }
    reports.forEach(
        report ->
            run.pass(
                report.name(),
                () -> {
                  report.run();
                  return 0;
                }));
    if (run.failure != null) {
      throw run.failure;
    }
    return sent;
  }

  private static final class Run {
    private RuntimeException failure;

    int pass(String name, IntSupplier pass) {
      try {
        return pass.getAsInt();
      } catch (RuntimeException e) {
        LOG.warn("Dispatch sweep: the pass over {} failed; the next run tries again", name, e);
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
        return 0;
      }
    }
  }
}
