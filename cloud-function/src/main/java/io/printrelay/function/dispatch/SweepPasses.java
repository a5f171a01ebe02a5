package io.printrelay.function.dispatch;

import jakarta.inject.Singleton;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the dispatch sweep (every minute in AWS, every 10 s in `printrelay local`), all its
 * passes: jobs stored but never sent ({@link DispatchSweep#run}), queued jobs whose message may be
 * lost ({@link StaleJobs}), the dead-letter queues ({@link DeadLetterSweep}). A pass that fails
 * (say SQS is unreachable) does not keep the others from running.
 */
@Singleton
public class SweepPasses {
  private static final Logger LOG = LoggerFactory.getLogger(SweepPasses.class);

  private final DispatchSweep undispatched;
  private final StaleJobs stale;
  private final DeadLetterSweep deadLetters;

  public SweepPasses(DispatchSweep undispatched, StaleJobs stale, DeadLetterSweep deadLetters) {
    this.undispatched = undispatched;
    this.stale = stale;
    this.deadLetters = deadLetters;
  }

  /** Returns how many messages were sent. */
  public int run() {
    int sent = pass("undispatched jobs", undispatched::run) + pass("stale jobs", stale::resend);
    pass("dead letters", deadLetters::sweep);
    return sent;
  }

  private static int pass(String name, IntSupplier pass) {
    try {
      return pass.getAsInt();
    } catch (RuntimeException e) {
      LOG.warn("Dispatch sweep: the pass over {} failed; the next run tries again", name, e);
      return 0;
    }
  }
}
