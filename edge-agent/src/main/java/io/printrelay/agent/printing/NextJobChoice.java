package io.printrelay.agent.printing;

import io.printrelay.agent.polling.HeldJob;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which waiting job a free printer starts: the highest priority tier first, the oldest arrival
 * within a tier (docs/printing.md#order-and-priorities). Priority is declared highest first, so its
 * natural order is print order.
 */
public final class NextJobChoice {
  static final Comparator<HeldJob> ORDER =
      Comparator.comparing(HeldJob::priority).thenComparingLong(HeldJob::arrival);

  private NextJobChoice() {}

  public static <J extends HeldJob> Optional<J> from(Collection<J> waiting) {
    return waiting.stream().min(ORDER);
  }
}
