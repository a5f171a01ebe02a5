package io.printrelay.agent.printing;

import static io.printrelay.model.Priority.HIGH;
import static io.printrelay.model.Priority.LOW;
import static io.printrelay.model.Priority.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.agent.polling.HeldJob;
import io.printrelay.model.Priority;
import io.printrelay.model.QueuePlace;
import io.printrelay.testing.Jobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NextJobChoiceTest {

  @Test
  void nothingWaitingChoosesNothing() {
    assertThat(NextJobChoice.from(List.<Held>of())).isEmpty();
  }

  @Test
  void urgentJumpsTheQueue() {
    List<Held> waiting = List.of(held("a", LOW, 1), held("b", NORMAL, 2), held("c", HIGH, 3));

    assertThat(NextJobChoice.from(waiting)).map(Held::jobId).contains("c");
  }

  @Test
  void oldestFirstWithinATier() {
    List<Held> waiting =
        List.of(
            held("late", NORMAL, 9),
            held("early", NORMAL, 4),
            held("middle", NORMAL, 6),
            held("low", LOW, 1));

    assertThat(NextJobChoice.from(waiting)).map(Held::jobId).contains("early");
  }

  @Test
  void drainingInChoiceOrderGivesTierThenArrival() {
    List<Held> waiting =
        new ArrayList<>(
            List.of(
                held("l1", LOW, 1),
                held("n1", NORMAL, 2),
                held("h1", HIGH, 3),
                held("n2", NORMAL, 4),
                held("h2", HIGH, 5),
                held("l2", LOW, 6)));
    List<String> order = new ArrayList<>();

    while (!waiting.isEmpty()) {
      Held next = NextJobChoice.from(waiting).orElseThrow();
      order.add(next.jobId());
      waiting.remove(next);
    }

    assertThat(order).containsExactly("h1", "h2", "n1", "n2", "l1", "l2");
  }

  @Test
  void theTablesPlaceDecidesNotTheOrderMessagesArrivedIn() {
    // "swept" entered its tier first, but its message was re-sent by the dispatch sweep later.
    Held swept = new Held("swept", place("swept", NORMAL, 1), 2);
    Held younger = new Held("younger", place("younger", NORMAL, 5), 1);

    assertThat(NextJobChoice.from(List.of(younger, swept))).map(Held::jobId).contains("swept");
  }

  @Test
  void aJobGoneFromTheTableGoesFirstSoItsMessageIsDeletedAtOnce() {
    List<Held> waiting = List.of(held("urgent", HIGH, 1), new Held("gone", null, 2));

    assertThat(NextJobChoice.from(waiting)).map(Held::jobId).contains("gone");
  }

  @Test
  void heldJobsAreOrderedByThePlacesTheTableGives() {
    List<HeldJob> waiting =
        List.of(message("first-here", NORMAL, 1), message("upgraded", NORMAL, 2));
    Map<String, QueuePlace> table =
        Map.of(
            "first-here", place("first-here", NORMAL, 1), "upgraded", place("upgraded", HIGH, 2));

    Optional<HeldJob> chosen =
        NextJobChoice.fromTable(waiting, jobId -> Optional.ofNullable(table.get(jobId)));

    assertThat(chosen).map(HeldJob::jobId).contains("upgraded");
  }

  @Test
  void aLoneWaitingJobGoesWithoutReadingTheTable() {
    AtomicInteger reads = new AtomicInteger();

    Optional<HeldJob> chosen =
        NextJobChoice.fromTable(
            List.of(message("only", LOW, 1)),
            jobId -> {
              reads.incrementAndGet();
              return Optional.empty();
            });

    assertThat(chosen).map(HeldJob::jobId).contains("only");
    assertThat(reads).hasValue(0);
  }

  /** A job that entered its tier {@code order} seconds in, and arrived here in that order too. */
  private static Held held(String jobId, Priority priority, long order) {
    return new Held(jobId, place(jobId, priority, order), order);
  }

  private static QueuePlace place(String jobId, Priority priority, long secondsIn) {
    return new QueuePlace(priority, Jobs.T0.plusSeconds(secondsIn), jobId);
  }

  private static HeldJob message(String jobId, Priority tier, long arrival) {
    return new Message(jobId, tier, arrival);
  }

  /** Only what the choice reads. */
  private record Held(String jobId, QueuePlace place, long arrival)
      implements NextJobChoice.Candidate {}

  /** A held message; its capabilities are never used. */
  private record Message(String jobId, Priority priority, long arrival) implements HeldJob {
    @Override
    public int dispatch() {
      return 1;
    }

    @Override
    public void keepInvisible(Duration duration) {}

    @Override
    public void complete() {}

    @Override
    public boolean completeUnlessReplaced(int dispatchSeen) {
      return true;
    }

    @Override
    public void release() {}
  }
}
