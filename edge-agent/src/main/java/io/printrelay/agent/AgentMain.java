package io.printrelay.agent;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code printrelay agent}: runs the edge agent until SIGTERM (or Ctrl-C), then stops gracefully.
 * Exit codes: 2 bad options, 1 could not start (queues or table unreachable). {@code printrelay
 * agent status} asks a running agent what it sees ({@link StatusCommand}).
 */
public final class AgentMain {
  private static final Logger log = LoggerFactory.getLogger(AgentMain.class);

  private AgentMain() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && "status".equals(args[0])) {
      return StatusCommand.run(
          Arrays.copyOfRange(args, 1, args.length), out, err, Clock.systemUTC());
    }
    if (AgentOptions.wantsHelp(args)) {
      out.println(AgentOptions.USAGE);
      return 0;
    }
    AgentOptions options;
    try {
      options = AgentOptions.parse(args, AgentMain::hostname);
    } catch (InvalidConfig e) {
      return badInput(err, e);
    }
    AwsClients clients;
    try {
      clients = AwsClients.create(options);
    } catch (SdkClientException e) {
      err.println(
          "printrelay agent: cannot set up the AWS clients: "
              + e.getMessage()
              + " (pass --region, or the endpoints of local emulators)");
      return 2;
    }
    Agent agent;
    try {
      agent = Agent.start(options.config(), clients.sqs(), clients.dynamoDb());
    } catch (InvalidConfig e) { // a data directory that cannot be created
      clients.close();
      return badInput(err, e);
    } catch (RuntimeException e) {
      log.atError()
          .addKeyValue("event", "agent.start_failed")
          .addKeyValue("error", e.getMessage())
          .log("the agent could not start");
      clients.close();
      return 1;
    }
    // SIGTERM (systemd stop) and Ctrl-C run shutdown hooks: the label being written finishes,
    // held messages go back to their queues for the next start.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  clients.close();
                },
                "agent-shutdown"));
    try {
      agent.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static int badInput(PrintStream err, InvalidConfig e) {
    err.println("printrelay agent: " + e.getMessage());
    err.println(AgentOptions.USAGE);
    return 2;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "edge-agent";
    }
  }
}
