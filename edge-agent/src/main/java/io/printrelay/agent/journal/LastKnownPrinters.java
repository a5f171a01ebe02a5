package io.printrelay.agent.journal;

import io.printrelay.agent.progress.PrinterRegistry;
import io.printrelay.agent.progress.PrinterStatus;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The printers' registry, answering the operator's pause as last read while the cloud is away: a
 * job the agent holds prints on through an outage (docs/printing.md#cloud-outages), and a pause
 * made meanwhile applies once it can be read. Status reports fail as before (they are retried by
 * the heartbeat) but count as news about the link.
 */
public final class LastKnownPrinters implements PrinterRegistry {
  private final PrinterRegistry cloud;
  private final CloudLink link;
  private final Map<String, Boolean> paused = new ConcurrentHashMap<>();

  public LastKnownPrinters(PrinterRegistry cloud, CloudLink link) {
    this.cloud = cloud;
    this.link = link;
  }

  @Override
  public boolean report(
      String printerId, String host, int port, String agentId, PrinterStatus status, Instant now) {
    try {
      boolean held = cloud.report(printerId, host, port, agentId, status, now);
      link.reached();
      return held;
    } catch (SdkException e) {
      link.lost(e);
      throw e;
    }
  }

  @Override
  public void releaseLease(String printerId, String agentId) {
    cloud.releaseLease(printerId, agentId);
  }

  @Override
  public boolean paused(String printerId) {
    try {
      boolean now = cloud.paused(printerId);
      paused.put(printerId, now);
      link.reached();
      return now;
    } catch (SdkException e) {
      link.lost(e);
      return paused.getOrDefault(printerId, false);
    }
  }
}
