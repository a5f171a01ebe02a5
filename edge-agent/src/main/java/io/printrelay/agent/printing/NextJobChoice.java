package io.printrelay.agent.printing;

import io.printrelay.agent.polling.HeldJob;
import io.printrelay.model.QueuePlace;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which waiting job a free printer starts: the first in print order ({@link QueuePlace}: the
 * highest tier, then the job that entered its tier first) as the table has it, the order the API's
 * {@code queuePosition} shows (docs/printing.md#order-and-priorities). Not the order messages
 * reached the agent: a message re-sent by the dispatch sweep may arrive after a younger job's.
 */
public final class NextJobChoice {
  /** Jobs gone from the table first (their message is only deleted), then print order. */
  static final Comparator<Candidate> ORDER =
      Comparator.comparing(Candidate::place, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingLong(Candidate::arrival);

  private NextJobChoice() {}

  /** What the choice reads of a waiting job. */
  public interface Candidate {
    /** Its place in the queue as the table has it; null when the job is no longer there. */
    QueuePlace place();

    /** Order of arrival at this agent: decides only among jobs without a place. */
    long arrival();
  }

  public static <J extends Candidate> Optional<J> from(Collection<J> waiting) {
    return waiting.stream().min(ORDER);
  }

  /**
   * Reads the held jobs' places and picks one. The table is read only when there is a choice to
   * make: with one job waiting, it simply goes.
   */
  static Optional<HeldJob> fromTable(List<HeldJob> waiting, QueuePlaces places) {
    if (waiting.size() <= 1) {
      return waiting.stream().findFirst();
    }
    List<Placed> candidates =
        waiting.stream().map(job -> new Placed(job, places.of(job.jobId()).orElse(null))).toList();
    return from(candidates).map(Placed::job);
  }

  private record Placed(HeldJob job, QueuePlace place) implements Candidate {
    @Override
    public long arrival() {
      return job.arrival();
    }
  }
}
