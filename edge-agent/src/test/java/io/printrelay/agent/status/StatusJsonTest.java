package io.printrelay.agent.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusJsonTest {

  @Test
  void readsBackWhatItWrites() {
    AgentStatus status =
        new AgentStatus(
            "0.1.0",
            "pi \"kitchen\"",
            new AgentStatus.Cloud(false, Instant.parse("2026-12-01T10:00:00.123Z")),
            12,
            List.of(
                new AgentStatus.Printer(
                    "line-1", "10.0.0.5", 9100, "error", "paper out", "job-a", 42, 200, true),
                new AgentStatus.Printer(
                    "spare", "10.0.0.7", 9100, "ready", null, null, null, null, false)));

    assertThat(StatusJson.read(StatusJson.write(status))).isEqualTo(status);
  }

  @Test
  void skipsFieldsItDoesNotKnow() {
    AgentStatus status =
        StatusJson.read(
            """
            {"version":"9.9","agentId":"pi","cloud":{"reachable":true,"downSince":null,"rtt":3},
             "labelsWaitingToSync":0,"queues":{"high":1},
             "printers":[{"id":"line-1","host":"h","port":9100,"state":"ready","leaseHeld":true,
                          "model":{"name":"ZD421"}}]}
            """);

    assertThat(status.printers())
        .containsExactly(
            new AgentStatus.Printer("line-1", "h", 9100, "ready", null, null, null, null, true));
  }

  @Test
  void refusesWhatIsNotAStatus() {
    assertThatThrownBy(() -> StatusJson.read("<html>hello</html>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StatusJson.read("{\"error\":\"not found\"}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
