package io.printrelay.function.printers;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.printrelay.model.Printer;

/**
 * A printer as docs/api.md#printers shows it. Absent values are JSON null, never omitted.
 *
 * @param status see {@link PrinterStatus}
 * @param lastSeen the agent's last heartbeat, ISO-8601 UTC
 * @param currentJobId the job the agent last reported printing
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PrinterView(
    String printerId,
    String status,
    @Nullable String detail,
    @Nullable String agentId,
    @Nullable String lastSeen,
    @Nullable String currentJobId,
    QueuedCounts queued) {

  public static PrinterView of(Printer printer, PrinterStatus status, QueuedCounts queued) {
    return new PrinterView(
        printer.printerId(),
        status.status(),
        status.detail(),
        printer.agentId(),
        printer.lastSeen() == null ? null : printer.lastSeen().toString(),
        printer.currentJobId(),
        queued);
  }
}
