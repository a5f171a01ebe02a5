package io.printrelay.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:02:05Z");

  @Test
  void linesUpOneRowPerPrinter() {
    AgentStatus status =
        new AgentStatus(
            "0.1.0",
            "pi-kitchen",
            new AgentStatus.Cloud(true, null),
            0,
            List.of(
                new AgentStatus.Printer(
                    "line-1", "10.0.0.5", 9100, "printing", null, "job-a", 42, 200, true),
                new AgentStatus.Printer(
                    "line-2", "fe80::1", 9101, "error", "paper out", "job-b", 7, 10, true),
                new AgentStatus.Printer(
                    "spare", "10.0.0.7", 9100, "ready", null, null, null, null, false)));

    assertThat(StatusTable.render(status, NOW))
        .isEqualTo(
            """
            agent    pi-kitchen  (version 0.1.0)
            cloud    reachable
            to sync  0 labels not yet in the table

            PRINTER  ADDRESS         STATE     JOB    LABEL      LEASE    DETAIL
            line-1   10.0.0.5:9100   printing  job-a  42 of 200  held     -
            line-2   [fe80::1]:9101  error     job-b  7 of 10    held     paper out
            spare    10.0.0.7:9100   ready     -      -          standby  -
            """);
  }

  @Test
  void saysSinceWhenTheCloudIsAway() {
    AgentStatus status =
        new AgentStatus(
            "0.1.0",
            "pi-kitchen",
            new AgentStatus.Cloud(false, Instant.parse("2026-12-01T10:00:00Z")),
            1,
            List.of());

    assertThat(StatusTable.render(status, NOW))
        .contains("cloud    unreachable since 2026-12-01T10:00:00Z (2 min 5 s)\n")
        .contains("to sync  1 label not yet in the table\n");
  }

  @Test
  void durationsReadAsAPersonWouldSayThem() {
    assertThat(StatusTable.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(StatusTable.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
    assertThat(StatusTable.duration(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
  }
}
