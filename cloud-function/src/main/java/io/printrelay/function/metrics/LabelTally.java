package io.printrelay.function.metrics;

import io.printrelay.table.LabelTallyItems.Tally;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What {@link LabelsPrinted} keeps between sweep runs, and the finished jobs it asks about. */
public interface LabelTally {
  /** The tally the last run left; empty before the first. */
  Optional<Tally> last();

  /**
   * Replaces the tally, if it is still at {@code next.version() - 1} (no tally: 0); false when
   * another run replaced it first.
   */
  boolean replace(Tally next);

  /** Jobs that finished after {@code after} and no later than {@code until} (an index: may lag). */
  List<String> finishedBetween(Instant after, Instant until);
}
