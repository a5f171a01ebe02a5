package io.printrelay.function.dispatch;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.table.JobTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The EventBridge-scheduled Lambda entry point, given a scheduled event as Lambda would. */
class DispatchSweepHandlerTest {

  @Test
  void aScheduledEventRunsOneSweep() {
    Sandbox sandbox = EmbeddedSandbox.newSandbox();
    sandbox.store(aJob().createdAt(Instant.now().minusSeconds(120)).undispatched(0));
    Map<String, Object> scheduledEvent =
        Map.of(
            "version",
            "0",
            "source",
            "aws.events",
            "detail-type",
            "Scheduled Event",
            "detail",
            Map.of());

    try (DispatchSweepHandler handler =
        new DispatchSweepHandler(ApplicationContext.builder(sandbox.properties()).build())) {
      assertThat(handler.handleRequest(scheduledEvent, null)).isEqualTo("dispatched 1");
    }

    assertThat(sandbox.drain(Priority.NORMAL)).hasSize(1);
  }

  @Test
  void aScheduledRunAlsoDeletesTheLabelsOfJobsFinishedOverThirtyDaysAgo() {
    Sandbox sandbox = EmbeddedSandbox.newSandbox();
    sandbox.store(
        aJob()
            .status(JobStatus.COMPLETED)
            .labels(2)
            .createdAt(Instant.now().minus(Duration.ofDays(31))));
    sandbox.store(
        aJob()
            .status(JobStatus.PAUSED)
            .labels(2)
            .createdAt(Instant.now().minus(Duration.ofDays(90))));

    try (DispatchSweepHandler handler =
        new DispatchSweepHandler(ApplicationContext.builder(sandbox.properties()).build())) {
      assertThat(handler.handleRequest(Map.of(), null)).isEqualTo("dispatched 0");
    }

    assertThat(sandbox.countItems(JobTable.TYPE_LABEL)).as("only the paused job's").isEqualTo(2);
  }
}
