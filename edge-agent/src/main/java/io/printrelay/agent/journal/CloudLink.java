package io.printrelay.agent.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the agent reaches the cloud (SQS, DynamoDB), as its calls find out. Each change is logged
 * once: printing goes on from the journal while the cloud is away, so a failing call is news only
 * the first time.
 */
public final class CloudLink {
  private static final Logger log = LoggerFactory.getLogger(CloudLink.class);

  private final Clock clock;
  private Instant downSince;

  public CloudLink(Clock clock) {
    this.clock = clock;
  }

  public synchronized void reached() {
    if (downSince != null) {
      log.atInfo()
          .addKeyValue("event", "cloud.back")
          .addKeyValue("down_s", Duration.between(downSince, clock.instant()).toSeconds())
          .log("cloud reachable again: syncing the journal");
      downSince = null;
    }
  }

  public synchronized void lost(RuntimeException cause) {
    if (downSince == null) {
      downSince = clock.instant();
      log.atWarn()
          .addKeyValue("event", "cloud.lost")
          .addKeyValue("error", cause.toString())
          .log(
              "cloud unreachable: jobs in hand print on from the journal; progress syncs when it is back");
    }
  }

  /** When the cloud was last found unreachable, or null while it answers. */
  public synchronized Instant downSince() {
    return downSince;
  }
}
