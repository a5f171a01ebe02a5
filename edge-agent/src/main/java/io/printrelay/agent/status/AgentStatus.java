package io.printrelay.agent.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the agent sees now, as {@code GET /status} answers it (docs/printing.md#agent-status).
 *
 * @param version the agent's build, or "unknown" when run from classes without one
 * @param labelsWaitingToSync labels whose latest change here (an attempt started, printed, failed,
 *     flagged uncertain) the table has not acknowledged yet, over every journaled job
 */
public record AgentStatus(
    String version, String agentId, Cloud cloud, int labelsWaitingToSync, List<Printer> printers) {

  public AgentStatus {
    Objects.requireNonNull(cloud, "cloud");
    printers = List.copyOf(printers);
  }

  /**
   * Whether the agent's last calls reached SQS and DynamoDB.
   *
   * @param downSince when a call first failed, while none has succeeded since; else null
   */
  public record Cloud(boolean reachable, Instant downSince) {
    public static Cloud since(Instant downSince) {
      return new Cloud(downSince == null, downSince);
    }
  }

  /**
   * One printer the agent serves.
   *
   * @param state ready, printing, offline or error
   * @param detail why, when offline or in error (e.g. "paper out"); else null
   * @param currentJob the job being printed, else null
   * @param currentLabel the label of that job last started, while the agent knows it; else null
   * @param currentJobLabels how many labels that job has, while the agent knows it; else null
   * @param leaseHeld whether this agent drives the printer; false while another agent does and this
   *     one stands by (docs/printing.md#one-agent-per-printer)
   */
  public record Printer(
      String id,
      String host,
      int port,
      String state,
      String detail,
      String currentJob,
      Integer currentLabel,
      Integer currentJobLabels,
      boolean leaseHeld) {}
}
