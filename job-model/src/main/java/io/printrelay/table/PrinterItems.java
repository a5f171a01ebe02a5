package io.printrelay.table;

import static io.printrelay.table.ItemMapper.instantValue;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.*;

import io.printrelay.model.PrinterState;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Writes to printer items. An agent's report creates or refreshes the item with everything the
 * agent owns, and never names {@code paused}, which belongs to operators: a registration keeps an
 * operator's pause. Reports carry no condition: the latest report is the truth. A pause is
 * conditional on the item existing: it must never create a printer no agent registered.
 */
public final class PrinterItems {
  private PrinterItems() {}

  public static ItemUpdate report(
      String printerId,
      String host,
      int port,
      String agentId,
      PrinterState state,
      String detail,
      String currentJobId,
      Instant now) {
    return ItemUpdate.of(ItemKeys.printer(printerId))
        .set(TYPE, s(TYPE_PRINTER))
        .set(PRINTER_ID, s(printerId))
        .set(HOST, s(host))
        .set(PORT, n(port))
        .set(AGENT_ID, s(agentId))
        .set(LAST_SEEN, instantValue(now))
        .set(STATE, s(state.wireName()))
        .setOrRemove(DETAIL, detail)
        .setOrRemove(CURRENT_JOB_ID, currentJobId);
  }

  /**
   * The report of the agent that drives the printer, which renews its lease (docs/printing.md#one-
   * agent-per-printer): written only while no other agent holds a lease that runs past {@code now}.
   * A refused report means another agent drives the printer.
   */
  public static ItemUpdate leasedReport(
      String printerId,
      String host,
      int port,
      String agentId,
      PrinterState state,
      String detail,
      String currentJobId,
      Instant now,
      Instant leaseUntil) {
    return report(printerId, host, port, agentId, state, detail, currentJobId, now)
        .set(LEASE_EXPIRES, n(leaseUntil.getEpochSecond()))
        .when(
            Condition.notExists(LEASE_EXPIRES)
                .or(Condition.equalTo(AGENT_ID, s(agentId)))
                .or(Condition.lessThan(LEASE_EXPIRES, n(now.getEpochSecond()))));
  }

  /** A graceful stop hands the lease on at once: a standby takes the printer at its next beat. */
  public static ItemUpdate releaseLease(String printerId, String agentId) {
    return ItemUpdate.of(ItemKeys.printer(printerId))
        .set(LEASE_EXPIRES, n(0))
        .when(Condition.equalTo(AGENT_ID, s(agentId)));
  }

  public static ItemUpdate setPaused(String printerId, boolean paused) {
    return ItemUpdate.of(ItemKeys.printer(printerId))
        .set(PAUSED, AttributeValue.fromBool(paused))
        .when(Condition.exists(PK));
  }

  /** For a transaction: the printer is not paused by an operator (a label may start). */
  public static Condition notPaused() {
    return Condition.notTrue(PAUSED);
  }

  /** A consistent read of the operator's pause alone: the agent asks it before each job. */
  public static GetItemRequest readPaused(String table, String printerId) {
    Placeholders p = new Placeholders();
    return GetItemRequest.builder()
        .tableName(table)
        .key(ItemKeys.printer(printerId))
        .consistentRead(true)
        .projectionExpression(p.name(PAUSED))
        .expressionAttributeNames(p.names())
        .build();
  }

  /** The pause in a printer item (whole, or as {@link #readPaused} reads it); none: not paused. */
  public static boolean paused(Map<String, AttributeValue> item) {
    AttributeValue paused = item == null ? null : item.get(PAUSED);
    return paused != null && Boolean.TRUE.equals(paused.bool());
  }
}
