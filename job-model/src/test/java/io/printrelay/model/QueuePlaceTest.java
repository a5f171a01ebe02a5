package io.printrelay.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QueuePlaceTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void higherTiersFirstThenOldestThenById() {
    QueuePlace urgentLater = new QueuePlace(Priority.HIGH, T0.plusSeconds(60), "u");
    QueuePlace normalOlder = new QueuePlace(Priority.NORMAL, T0, "n");
    QueuePlace normalSameTimeB = new QueuePlace(Priority.NORMAL, T0.plusSeconds(1), "b");
    QueuePlace normalSameTimeA = new QueuePlace(Priority.NORMAL, T0.plusSeconds(1), "a");
    QueuePlace low = new QueuePlace(Priority.LOW, T0.minusSeconds(600), "l");

    List<QueuePlace> sorted =
        Stream.of(low, normalSameTimeB, normalOlder, urgentLater, normalSameTimeA)
            .sorted()
            .toList();

    assertThat(sorted)
        .containsExactly(urgentLater, normalOlder, normalSameTimeA, normalSameTimeB, low);
  }

  @Test
  void aJobsPlaceIsWhenItLastEnteredItsTier() {
    Job job =
        Job.accepted("j", "line-1", Priority.LOW, null, 1, null, T0)
            .withTimes(T0.plusSeconds(5), null, null);
    assertThat(job.queuePlace()).isEqualTo(new QueuePlace(Priority.LOW, T0.plusSeconds(5), "j"));
  }
}
