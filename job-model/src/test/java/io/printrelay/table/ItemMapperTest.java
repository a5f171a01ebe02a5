package io.printrelay.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemMapperTest {
  private static final Instant CREATED = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void jobRoundTripsWithEveryField() {
    Job job =
        new Job(
            "j1",
            "line-1",
            Priority.NORMAL,
            JobStatus.PRINTING,
            "MO/00042",
            200,
            150,
            List.of(7, 3),
            List.of(151),
            151,
            151,
            "j0",
            "j2",
            null,
            CREATED,
            CREATED,
            CREATED.plusSeconds(1),
            null,
            2,
            false,
            true);

    Job read = ItemMapper.job(ItemMapper.jobItem(job));

    assertThat(read).isEqualTo(job);
    assertThat(read.failedLabels()).containsExactly(3, 7);
  }

  @Test
  void activeJobsAreInTheActiveIndexAndFinishedOnesAreNot() {
    Job queued = Job.accepted("j1", "line-1", Priority.HIGH, null, 1, null, CREATED);
    assertThat(ItemMapper.jobItem(queued))
        .containsKeys(JobTable.ACTIVE_PRINTER_ID, JobTable.QUEUE_KEY, JobTable.UNDISPATCHED);

    Job done = queued.withStatus(JobStatus.CANCELLED);
    assertThat(ItemMapper.jobItem(done)).doesNotContainKeys(JobTable.ACTIVE_PRINTER_ID);
  }

  @Test
  void anUnfinishedJobHasNoExpiryHoweverOldAndAFinishedOneExpiresThirtyDaysAfterItsFinish() {
    Instant longAgo = CREATED.minus(Duration.ofDays(90));
    Job paused =
        Job.accepted("j1", "line-1", Priority.NORMAL, null, 1, null, longAgo)
            .withStatus(JobStatus.PAUSED);
    Job done =
        Job.accepted("j2", "line-1", Priority.NORMAL, null, 1, null, longAgo)
            .withStatus(JobStatus.COMPLETED)
            .withTimes(longAgo, longAgo, CREATED);

    assertThat(ItemMapper.jobItem(paused)).doesNotContainKey(JobTable.EXPIRES_AT);
    assertThat(ItemMapper.jobItem(done).get(JobTable.EXPIRES_AT).n())
        .isEqualTo(Long.toString(CREATED.plus(Duration.ofDays(30)).getEpochSecond()));
  }

  @Test
  void aLabelHasNoExpiryOfItsOwn() {
    Label label = new Label("j1", 1, LabelStatus.PENDING, false, 0, null, null, new byte[] {1});

    assertThat(ItemMapper.labelItem(label)).doesNotContainKey(JobTable.EXPIRES_AT);
  }

  @Test
  void labelRoundTripsItsBytes() {
    byte[] zpl = "^XA^FDé^FS^XZ".getBytes(StandardCharsets.UTF_8);
    Label label = new Label("j1", 12, LabelStatus.FAILED, true, 3, "refused", null, zpl);

    Label read = ItemMapper.label(ItemMapper.labelItem(label));

    assertThat(read.index()).isEqualTo(12);
    assertThat(read.status()).isEqualTo(LabelStatus.FAILED);
    assertThat(read.uncertain()).isTrue();
    assertThat(read.attempts()).isEqualTo(3);
    assertThat(read.error()).isEqualTo("refused");
    assertThat(read.content()).isEqualTo(zpl);
  }

  @Test
  void timeKeysSortAsTheirInstants() {
    String early = ItemKeys.timeKey(Instant.parse("2026-11-25T10:00:00Z"), "b");
    String later = ItemKeys.timeKey(Instant.parse("2026-11-25T10:00:00.5Z"), "a");
    assertThat(early).isLessThan(later);
  }
}
