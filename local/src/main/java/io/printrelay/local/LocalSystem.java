package io.printrelay.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.printrelay.agent.Agent;
import io.printrelay.agent.AgentConfig;
import io.printrelay.agent.printing.PrinterEndpoint;
import io.printrelay.embedded.EmbeddedAws;
import io.printrelay.function.dispatch.DispatchSweep;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueProvisioner;
import io.printrelay.table.TableProvisioner;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole of Printrelay in one process: embedded SQS and DynamoDB, the queues and table, the
 * cloud function's API on Netty, an edge agent and virtual printers. Closing it stops them in the
 * reverse order, the agent first so that no label is cut.
 */
public final class LocalSystem implements AutoCloseable {
  public static final String TABLE = "printrelay";
  public static final QueueNames QUEUES = new QueueNames(QueueNames.DEFAULT_PREFIX);

  private final List<AutoCloseable> parts = new ArrayList<>();
  private final List<VirtualPrinter> virtualPrinters = new ArrayList<>();
  private EmbeddedAws aws;
  private ApplicationContext api;
  private Agent agent;

  private LocalSystem() {}

  public static LocalSystem start(LocalOptions options) {
    return start(options, Map.of());
  }

  /** With these API settings on top of the local ones: for tests that need other timings. */
  static LocalSystem start(LocalOptions options, Map<String, Object> apiSettings) {
    LocalSystem system = new LocalSystem();
    try {
      system.startAll(options, apiSettings);
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void startAll(LocalOptions options, Map<String, Object> apiSettings) {
    Path dataDir = options.dataDir() == null ? null : options.dataDir().toAbsolutePath();
    aws =
        EmbeddedAws.start(
            dataDir == null ? null : dataDir.resolve("dynamodb"),
            options.sqsPort(),
            options.dynamoDbPort());
    parts.add(aws);
    TableProvisioner.createIfAbsent(aws.dynamoDbClient(), TABLE);
    QueueProvisioner.createIfAbsent(aws.sqsClient(), QUEUES);

    List<PrinterEndpoint> printers = printers(options);
    Map<String, Object> settings = new LinkedHashMap<>(LocalApiSettings.properties(options, aws));
    settings.putAll(apiSettings);
    api = ApplicationContext.run(EmbeddedServer.class, settings).getApplicationContext();
    parts.add(api);
    // ElasticMQ keeps no messages across restarts; the table does. Re-send every unfinished job;
    // the agent ignores duplicates of a job it already has.
    api.getBean(DispatchSweep.class).redispatchAll();

    if (options.agent()) {
      AgentConfig config =
          AgentConfig.builder()
              .agentId("local")
              .table(TABLE)
              .queueNames(QUEUES)
              .printers(printers)
              .pollWait(Duration.ofSeconds(2))
              .dataDir(dataDir == null ? null : dataDir.resolve("agent"))
              .build();
      agent = Agent.start(config, aws.sqsClient(), aws.dynamoDbClient());
      parts.add(agent);
    }
  }

  private List<PrinterEndpoint> printers(LocalOptions options) {
    if (!options.printers().isEmpty()) {
      return options.printers();
    }
    List<PrinterEndpoint> endpoints = new ArrayList<>();
    for (int i = 1; i <= options.virtualPrinters(); i++) {
      VirtualPrinter printer =
          VirtualPrinter.start("virtual-" + i, 0, Duration.ofMillis(options.msPerLabel()));
      virtualPrinters.add(printer);
      parts.add(printer);
      endpoints.add(new PrinterEndpoint(printer.name(), "127.0.0.1", printer.port()));
    }
    return endpoints;
  }

  public URI baseUrl() {
    EmbeddedServer server = api.getBean(EmbeddedServer.class);
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  public List<VirtualPrinter> virtualPrinters() {
    return List.copyOf(virtualPrinters);
  }

  public EmbeddedAws aws() {
    return aws;
  }

  public ApplicationContext api() {
    return api;
  }

  /** The in-process agent, or null with --no-agent. */
  public Agent agent() {
    return agent;
  }

  @Override
  public void close() {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        System.err.println("printrelay: while stopping: " + e);
      }
    }
    parts.clear();
  }
}
