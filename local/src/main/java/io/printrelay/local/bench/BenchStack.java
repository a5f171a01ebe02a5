package io.printrelay.local.bench;

import io.printrelay.local.LocalOptions;
import io.printrelay.local.LocalSystem;
import io.printrelay.local.awsproxy.AwsProxies;
import java.util.List;

/**
 * The system under the bench: `printrelay local` without its agent or printers (embedded SQS and
 * DynamoDB, table and queues, the API on a free port, talking to the emulators directly), and the
 * AWS proxies that each scenario's agent goes through.
 */
final class BenchStack implements AutoCloseable {
  private static final String API_KEY = "bench-key";
  private static final String OPERATOR_PASSWORD = "bench-password";

  private final LocalSystem system;
  private final AwsProxies proxies;
  private final BenchApi api;

  private BenchStack(LocalSystem system, AwsProxies proxies) {
    this.system = system;
    this.proxies = proxies;
    this.api = new BenchApi(system.baseUrl(), API_KEY, OPERATOR_PASSWORD);
  }

  static BenchStack start() {
    LocalOptions options =
        new LocalOptions(
            0,
            0,
            0,
            null,
            API_KEY,
            OPERATOR_PASSWORD,
            List.of(),
            0,
            100,
            false,
            false,
            "127.0.0.1");
    LocalSystem system = LocalSystem.start(options);
    try {
      return new BenchStack(
          system,
          AwsProxies.inFrontOf(system.aws().sqsEndpoint(), system.aws().dynamoDbEndpoint()));
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  AwsProxies proxies() {
    return proxies;
  }

  BenchApi api() {
    return api;
  }

  /** An agent JVM for these printers, whose SQS and DynamoDB are the proxies. */
  AgentProcess startAgent(String agentId, List<Paper> printers) {
    return AgentProcess.start(
        agentId,
        printers.stream().map(Paper::printerFlag).toList(),
        proxies.sqs().endpoint(),
        proxies.dynamoDb().endpoint(),
        LocalSystem.TABLE,
        LocalSystem.QUEUES.prefix());
  }

  @Override
  public void close() {
    try {
      proxies.close();
    } finally {
      system.close();
    }
  }
}
