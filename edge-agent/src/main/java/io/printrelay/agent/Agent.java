package io.printrelay.agent;

import io.printrelay.agent.journal.CloudLink;
import io.printrelay.agent.journal.JournalState;
import io.printrelay.agent.journal.JournaledProgress;
import io.printrelay.agent.journal.LastKnownPrinters;
import io.printrelay.agent.polling.HeldMessages;
import io.printrelay.agent.polling.VisibilityHeartbeat;
import io.printrelay.agent.printing.PrinterEndpoint;
import io.printrelay.agent.printing.PrinterStatusBoard;
import io.printrelay.agent.printing.PrinterWorker;
import io.printrelay.agent.printing.TcpLabelPrinter;
import io.printrelay.agent.progress.DynamoDbPrinters;
import io.printrelay.agent.progress.DynamoDbProgress;
import io.printrelay.agent.progress.JobProgress;
import io.printrelay.agent.progress.PrinterRegistry;
import io.printrelay.agent.progress.PrinterStatus;
import io.printrelay.agent.status.AgentStatus;
import io.printrelay.agent.status.AgentVersion;
import io.printrelay.agent.status.StatusServer;
import io.printrelay.queue.QueueUrls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A running edge agent. {@link #start} registers the printers, queues the jobs a crash left {@code
 * printing} ahead of everything else, then starts one worker per printer and one poller per
 * priority queue. The caller owns the AWS clients.
 */
public final class Agent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final AgentConfig config;
  private final Map<String, PrinterWorker> workers;
  private final HeldMessages held;
  private final Pollers pollers;
  private final JournaledProgress journal;
  private final CloudLink link;
  private final String version = AgentVersion.get();
  private final List<ScheduledExecutorService> timers;
  private volatile StatusServer statusServer;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Agent(
      AgentConfig config,
      Map<String, PrinterWorker> workers,
      HeldMessages held,
      Pollers pollers,
      JournaledProgress journal,
      CloudLink link,
      List<ScheduledExecutorService> timers) {
    this.config = config;
    this.workers = workers;
    this.held = held;
    this.pollers = pollers;
    this.journal = journal;
    this.link = link;
    this.timers = timers;
  }

  /**
   * Returns once the printers are registered and polling has begun.
   *
   * @throws InvalidConfig when the data directory cannot be created
   */
  public static Agent start(AgentConfig config, SqsClient sqs, DynamoDbClient dynamoDb) {
    Path dataDir = createDataDir(config.dataDir());
    QueueUrls queues = QueueUrls.resolve(sqs, config.queueNames()); // fails fast: no queues
    ScheduledExecutorService timers =
        Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().name("agent-heartbeat-", 1).daemon(true).factory());
    // Apart from the heartbeats, whose AWS calls may block: a stalled printer must be cut on time.
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("printer-watchdog").daemon(true).factory());
    JournaledProgress journal = null;
    try {
      CloudLink link = new CloudLink(config.clock());
      PrinterRegistry registry =
          new LastKnownPrinters(
              new DynamoDbPrinters(dynamoDb, config.table(), config.printerLease()), link);
      journal =
          new JournaledProgress(
              new DynamoDbProgress(dynamoDb, config.table()),
              registry,
              dataDir.resolve("journal"),
              link,
              config.clock());
      journal.recover();
      Map<String, PrinterWorker> workers = new LinkedHashMap<>();
      for (PrinterEndpoint endpoint : config.printers()) {
        workers.put(endpoint.id(), worker(config, endpoint, journal, registry, watchdog));
      }
      HeldMessages held = new HeldMessages(sqs);
      workers.values().forEach(PrinterWorker::start);
      startHeartbeats(config, held, workers, timers);
      Pollers pollers =
          Pollers.start(
              sqs,
              queues,
              config.pollWait(),
              config.visibilityTimeout(),
              config.foreignHold(),
              held,
              workers);
      Agent agent =
          new Agent(config, workers, held, pollers, journal, link, List.of(timers, watchdog));
      log.atInfo()
          .addKeyValue("event", "agent.started")
          .addKeyValue("agent", config.agentId())
          .addKeyValue("version", agent.version)
          .addKeyValue(
              "printers",
              config.printers().stream()
                  .map(PrinterEndpoint::toString)
                  .collect(Collectors.joining(",")))
          .addKeyValue("queue_prefix", config.queueNames().prefix())
          .addKeyValue("table", config.table())
          .log("agent ready");
      agent.startStatusServer();
      return agent;
    } catch (RuntimeException e) {
      if (journal != null) {
        journal.close();
      }
      timers.shutdownNow();
      watchdog.shutdownNow();
      throw e;
    }
  }

  /**
   * The agent's own directory, created here and nowhere else, before anything can fail on the
   * network. A path that cannot be a directory is bad input.
   */
  private static Path createDataDir(Path dataDir) {
    try {
      return dataDir == null
          ? Files.createTempDirectory("printrelay-agent-")
          : Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new InvalidConfig("cannot create the data directory " + dataDir + ": " + e, e);
    }
  }

  /** Held messages stay invisible; each printer's lastSeen and state are refreshed. */
  private static void startHeartbeats(
      AgentConfig config,
      HeldMessages held,
      Map<String, PrinterWorker> workers,
      ScheduledExecutorService timers) {
    new VisibilityHeartbeat(held, config.visibilityTimeout(), config.visibilityHeartbeat())
        .start(timers);
    long beat = config.printerHeartbeat().toMillis();
    timers.scheduleAtFixedRate(
        () -> workers.values().forEach(PrinterWorker::publishStatus),
        beat,
        beat,
        TimeUnit.MILLISECONDS);
  }

  /** Registers the printer and queues its interrupted jobs before any message can arrive. */
  private static PrinterWorker worker(
      AgentConfig config,
      PrinterEndpoint endpoint,
      JournaledProgress progress,
      PrinterRegistry registry,
      ScheduledExecutorService watchdog) {
    PrinterStatusBoard board =
        new PrinterStatusBoard(
            endpoint, config.agentId(), registry, config.printerLease(), config.clock());
    boolean leased = true; // until the table says otherwise: journaled jobs print on
    try {
      leased = board.register();
    } catch (SdkClientException unreachable) {
      board.assumeLease();
      // A table that exists but cannot be reached now: journaled jobs print on, and the
      // heartbeat registers the printer once it answers. A missing table still fails the start.
      log.atWarn()
          .addKeyValue("event", "printer.not_registered")
          .addKeyValue("printer", endpoint.id())
          .addKeyValue("error", unreachable.getMessage())
          .log("not registered yet: the heartbeat registers it once the table answers");
    }
    TcpLabelPrinter printer =
        new TcpLabelPrinter(endpoint, config.timeouts(), watchdog, board::problem);
    PrinterWorker worker =
        new PrinterWorker(
            endpoint,
            board,
            printer,
            progress,
            registry,
            config.backoff(),
            config.recheck(),
            config.clock());
    if (leased) {
      resumeInterrupted(worker, progress);
    }
    board.onTakeover(() -> resumeInterrupted(worker, progress));
    board.onLost(ranOut -> progress.flagPrintedSince(endpoint.id(), ranOut));
    return worker;
  }

  /** The printer's jobs left printing (by a crash here, or by the agent it took over from). */
  private static void resumeInterrupted(PrinterWorker worker, JobProgress progress) {
    String printerId = worker.endpoint().id();
    for (String jobId : progress.interrupted(printerId)) {
      log.atInfo()
          .addKeyValue("event", "job.interrupted")
          .addKeyValue("printer", printerId)
          .addKeyValue("job", jobId)
          .log("the job was interrupted; it is resumed first");
      worker.resume(jobId);
    }
  }

  /**
   * The status endpoint is for the person at the machine: an address it cannot have (in use by
   * another agent, say) is logged and printing goes on without it.
   */
  private void startStatusServer() {
    InetSocketAddress address = config.statusAddress();
    if (address == null) {
      return;
    }
    try {
      statusServer = StatusServer.start(address, this::status);
      log.atInfo()
          .addKeyValue("event", "status.listening")
          .addKeyValue("address", hostAndPort(statusServer.address()))
          .log("status endpoint: GET /status");
    } catch (IOException | RuntimeException e) {
      log.atWarn()
          .addKeyValue("event", "status.unavailable")
          .addKeyValue("address", hostAndPort(address))
          .addKeyValue("error", e.toString())
          .log("no status endpoint; printing goes on without it");
    }
  }

  private static String hostAndPort(InetSocketAddress address) {
    String host =
        address.getAddress() == null
            ? address.getHostString()
            : address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** Where {@code GET /status} answers, once listening (docs/printing.md#agent-status). */
  public Optional<InetSocketAddress> statusAddress() {
    StatusServer server = statusServer;
    return server == null ? Optional.empty() : Optional.of(server.address());
  }

  /** What the agent sees now: its printers, the cloud, what the table has yet to hear. */
  public AgentStatus status() {
    List<AgentStatus.Printer> printers = new ArrayList<>();
    for (PrinterWorker worker : workers.values()) {
      PrinterStatus status = worker.status();
      Optional<JournalState> journaled =
          Optional.ofNullable(status.currentJobId()).flatMap(journal::journal);
      printers.add(
          new AgentStatus.Printer(
              worker.endpoint().id(),
              worker.endpoint().host(),
              worker.endpoint().port(),
              status.state().wireName(),
              status.detail(),
              status.currentJobId(),
              journaled.map(JournalState::current).orElse(null),
              journaled.map(JournalState::total).orElse(null),
              worker.leaseHeld()));
    }
    return new AgentStatus(
        version,
        config.agentId(),
        AgentStatus.Cloud.since(link.downSince()),
        journal.labelsWaitingToSync(),
        printers);
  }

  /** What each printer is doing, by printer id. */
  public Map<String, PrinterStatus> printers() {
    Map<String, PrinterStatus> statuses = new LinkedHashMap<>();
    workers.forEach((id, worker) -> statuses.put(id, worker.status()));
    return statuses;
  }

  /**
   * Graceful stop, within about the poll wait: polling ends, each printer finishes the label it is
   * writing and starts no other, every held message is given back (visibility 0) so a restart gets
   * it at once, the connections close. Jobs being printed stay {@code printing} and are resumed by
   * the next start.
   */
  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    pollers.stop();
    workers.values().forEach(PrinterWorker::stop);
    Duration grace =
        config.timeouts().write().plus(config.timeouts().status()).plus(Duration.ofSeconds(2));
    workers.values().forEach(worker -> awaitOrHalt(worker, grace));
    pollers.await(config.pollWait().plus(Duration.ofSeconds(5)));
    // The heartbeat must not push a message's visibility out again once it is given back.
    timers.forEach(ScheduledExecutorService::shutdownNow);
    timers.forEach(Agent::awaitTermination);
    held.releaseAll();
    workers.values().forEach(PrinterWorker::closePrinter);
    // What was printed reaches the table now if it can; else the next start syncs the journal.
    if (!journal.awaitSynced(Duration.ofSeconds(5))) {
      log.atWarn()
          .addKeyValue("event", "journal.not_synced")
          .addKeyValue("agent", config.agentId())
          .addKeyValue("labels", journal.labelsWaitingToSync())
          .log("progress not yet synced stays in the journal for the next start");
    }
    journal.close();
    workers.values().forEach(PrinterWorker::releaseLease);
    closeStatusServer();
    stopped.countDown();
    log.atInfo()
        .addKeyValue("event", "agent.stopped")
        .addKeyValue("agent", config.agentId())
        .log("agent stopped");
  }

  /** Stops at once, as a crash would: connections cut mid-label, no more writes (best effort). */
  public void halt() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    closeStatusServer();
    pollers.interrupt();
    workers.values().forEach(PrinterWorker::halt);
    journal.close();
    timers.forEach(ScheduledExecutorService::shutdownNow);
    stopped.countDown();
  }

  private void closeStatusServer() {
    StatusServer server = statusServer;
    if (server != null) {
      server.close();
    }
  }

  /** Blocks until {@link #close} or {@link #halt} has run. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  private static void awaitTermination(ScheduledExecutorService timer) {
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitOrHalt(PrinterWorker worker, Duration grace) {
    try {
      if (!worker.join(grace)) {
        log.atWarn()
            .addKeyValue("event", "printer.cut_off")
            .addKeyValue("printer", worker.endpoint().id())
            .addKeyValue("grace_s", grace.toSeconds())
            .log("the label in progress did not finish in time; cutting it off");
        worker.halt();
        worker.join(Duration.ofSeconds(2));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.halt();
    }
  }
}
