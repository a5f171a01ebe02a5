package io.printrelay.agent.printing;

import static io.printrelay.model.Priority.HIGH;
import static io.printrelay.model.Priority.LOW;
import static io.printrelay.model.Priority.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.agent.polling.HeldJob;
import io.printrelay.model.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    List<Held> waiting = List.of(held("late", NORMAL, 9), held("early", NORMAL, 4),
        held("middle", NORMAL, 6), held("low", LOW, 1));

    assertThat(NextJobChoice.from(waiting)).map(Held::jobId).contains("early");
  }

  @Test
  void drainingInChoiceOrderGivesTierThenArrival() {
    List<Held> waiting = new ArrayList<>(List.of(held("l1", LOW, 1), held("n1", NORMAL, 2),
        held("h1", HIGH, 3), held("n2", NORMAL, 4), held("h2", HIGH, 5), held("l2", LOW, 6)));
    List<String> order = new ArrayList<>();

    while (!waiting.isEmpty()) {
      Held next = NextJobChoice.from(waiting).orElseThrow();
      order.add(next.jobId());
      waiting.remove(next);
    }

    assertThat(order).containsExactly("h1", "h2", "n1", "n2", "l1", "l2");
  }

  private static Held held(String jobId, Priority priority, long arrival) {
    return new Held(jobId, priority, arrival);
  }

  /** Only what the choice reads; the capabilities are never used. */
  private record Held(String jobId, Priority priority, long arrival) implements HeldJob {
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
