package io.printrelay.agent;

import io.printrelay.agent.printing.Backoff;
import io.printrelay.agent.printing.PrinterEndpoint;
import io.printrelay.agent.printing.TcpLabelPrinter;
import io.printrelay.queue.QueueNames;
import io.printrelay.table.TableName;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the agent runs with, validated on construction ({@link InvalidConfig} names the bad
 * setting). Build it with {@link #builder()}: every timing has a production default.
 *
 * @param pollWait SQS long-poll wait, 0-20 s; also bounds how long a stop waits for the pollers
 * @param visibilityTimeout how far each heartbeat pushes a held message's visibility
 * @param visibilityHeartbeat how often held messages are extended; well under the timeout
 * @param printerHeartbeat how often each printer's lastSeen and state are written
 * @param recheck how often a job held by a paused or offline printer looks again
 * @param foreignHold how long a message for a printer this agent does not serve is hidden, so that
 *     it reaches the agent that serves it without counting toward the dead-letter queue on and on
 * @param dataDir the agent's own directory, created by {@link Agent#start}: the journal of the jobs
 *     it prints lives there (docs/printing.md#the-local-journal); null for a fresh temporary one,
 *     which a restart does not find again
 * @param statusAddress where the agent answers {@code GET /status} (docs/printing.md#agent-status);
 *     port 0 for any free one, null for no status endpoint
 */
public record AgentConfig(
    String agentId,
    String table,
    QueueNames queueNames,
    List<PrinterEndpoint> printers,
    Duration pollWait,
    Duration visibilityTimeout,
    Duration visibilityHeartbeat,
    Duration printerHeartbeat,
    Duration recheck,
    Duration foreignHold,
    Backoff backoff,
    TcpLabelPrinter.Timeouts timeouts,
    Path dataDir,
    InetSocketAddress statusAddress,
    Clock clock) {

  private static final Duration MAX_VISIBILITY = Duration.ofHours(12);

  /**
   * How long a printer heartbeat holds the printer's lease: three beats, so a standby takes a
   * printer over within four beats of its holder's last (60 s at the default 15 s).
   */
  public Duration printerLease() {
    return printerHeartbeat.multipliedBy(3);
  }

  public AgentConfig {
    require(
        agentId != null && !agentId.isBlank() && agentId.length() <= 128,
        "agent id must be 1-128 characters");
    require(TableName.isValid(table), "table '" + table + "' must be " + TableName.RULE);
    require(
        queueNames != null && QueueNames.isValidPrefix(queueNames.prefix()),
        "queue prefix must be " + QueueNames.PREFIX_RULE);
    printers = List.copyOf(Objects.requireNonNullElse(printers, List.of()));
    require(!printers.isEmpty(), "at least one printer is needed (--printers ID=HOST:PORT)");
    Set<String> ids = new HashSet<>();
    printers.forEach(p -> require(ids.add(p.id()), "printer " + p.id() + " is listed twice"));
    require(
        pollWait != null && !pollWait.isNegative() && pollWait.toSeconds() <= 20,
        "poll wait must be 0-20 seconds (SQS long polling)");
    require(
        positive(visibilityTimeout)
            && visibilityTimeout.toSeconds() >= 1
            && visibilityTimeout.compareTo(MAX_VISIBILITY) <= 0,
        "visibility timeout must be 1 s to 12 h (SQS)");
    require(
        positive(visibilityHeartbeat) && visibilityHeartbeat.compareTo(visibilityTimeout) < 0,
        "visibility heartbeat must be shorter than the visibility timeout");
    require(positive(printerHeartbeat), "printer heartbeat must be positive");
    require(positive(recheck), "recheck interval must be positive");
    require(
        positive(foreignHold)
            && foreignHold.toSeconds() >= 1
            && foreignHold.compareTo(MAX_VISIBILITY) <= 0,
        "foreign message hold must be 1 s to 12 h (SQS)");
    Objects.requireNonNull(backoff, "backoff");
    require(
        timeouts != null
            && positive(timeouts.connect())
            && positive(timeouts.write())
            && positive(timeouts.status()),
        "printer connect, write and status timeouts must be positive");
    Objects.requireNonNull(clock, "clock");
  }

  public static Builder builder() {
    return new Builder();
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new InvalidConfig(message);
    }
  }

  /** Defaults: production timings, table and queue prefix "printrelay", the system UTC clock. */
  public static final class Builder {
    private String agentId;
    private String table = TableName.DEFAULT;
    private QueueNames queueNames = new QueueNames(QueueNames.DEFAULT_PREFIX);
    private List<PrinterEndpoint> printers = List.of();
    private Duration pollWait = Duration.ofSeconds(20);
    private Duration visibilityTimeout = Duration.ofSeconds(60);
    private Duration visibilityHeartbeat = Duration.ofSeconds(20);
    private Duration printerHeartbeat = Duration.ofSeconds(15);
    private Duration recheck = Duration.ofSeconds(5);
    // Long, so a message no agent serves is received a few times an hour, not toward the DLQ
    // (QueueProvisioner.MAX_RECEIVE_COUNT); short enough that a mix-up of prefixes only delays.
    private Duration foreignHold = Duration.ofMinutes(10);
    private Backoff backoff = Backoff.DEFAULT;
    private TcpLabelPrinter.Timeouts timeouts =
        new TcpLabelPrinter.Timeouts(
            Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5));
    private Path dataDir;
    private InetSocketAddress statusAddress;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder agentId(String agentId) {
      this.agentId = agentId;
      return this;
    }

    public Builder table(String table) {
      this.table = table;
      return this;
    }

    public Builder queueNames(QueueNames queueNames) {
      this.queueNames = queueNames;
      return this;
    }

    public Builder printers(List<PrinterEndpoint> printers) {
      this.printers = printers;
      return this;
    }

    public Builder pollWait(Duration pollWait) {
      this.pollWait = pollWait;
      return this;
    }

    /** The visibility each heartbeat sets, and the heartbeat interval (a third of it is usual). */
    public Builder visibility(Duration timeout, Duration heartbeat) {
      this.visibilityTimeout = timeout;
      this.visibilityHeartbeat = heartbeat;
      return this;
    }

    public Builder printerHeartbeat(Duration printerHeartbeat) {
      this.printerHeartbeat = printerHeartbeat;
      return this;
    }

    public Builder recheck(Duration recheck) {
      this.recheck = recheck;
      return this;
    }

    public Builder foreignHold(Duration foreignHold) {
      this.foreignHold = foreignHold;
      return this;
    }

    public Builder backoff(Backoff backoff) {
      this.backoff = backoff;
      return this;
    }

    public Builder timeouts(TcpLabelPrinter.Timeouts timeouts) {
      this.timeouts = timeouts;
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder statusAddress(InetSocketAddress statusAddress) {
      this.statusAddress = statusAddress;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public AgentConfig build() {
      return new AgentConfig(
          agentId,
          table,
          queueNames,
          printers,
          pollWait,
          visibilityTimeout,
          visibilityHeartbeat,
          printerHeartbeat,
          recheck,
          foreignHold,
          backoff,
          timeouts,
          dataDir,
          statusAddress,
          clock);
    }
  }
}
