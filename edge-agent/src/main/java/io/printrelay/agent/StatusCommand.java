package io.printrelay.agent;

import io.printrelay.agent.status.AgentStatus;
import io.printrelay.agent.status.StatusJson;
import io.printrelay.agent.status.StatusTable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code printrelay agent status}: asks the agent on this machine for {@code GET /status} and
 * prints it as a table (docs/printing.md#agent-status). Exit codes: 0 it answered, 1 it did not
 * (not running, another port, stuck), 2 bad options.
 */
final class StatusCommand {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private StatusCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    if (AgentOptions.wantsHelp(args)) {
      out.println(AgentOptions.USAGE);
      return 0;
    }
    URI uri;
    try {
      uri = statusUri(AgentOptions.statusTarget(args));
    } catch (InvalidConfig e) {
      err.println("printrelay agent status: " + e.getMessage());
      err.println(AgentOptions.USAGE);
      return 2;
    }
    AgentStatus status;
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        err.println(
            "printrelay agent status: "
                + uri
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
        return 1;
      }
      status = StatusJson.read(response.body());
    } catch (ConnectException e) {
      err.println(
          "printrelay agent status: no agent answers at "
              + uri
              + " (nothing listens there: is the agent running, with this --status-port?)");
      return 1;
    } catch (IOException e) {
      err.println(
          "printrelay agent status: no agent answers at "
              + uri
              + " ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
      return 1;
    } catch (IllegalArgumentException e) {
      err.println(
          "printrelay agent status: " + uri + " is not an agent's status: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    out.print(StatusTable.render(status, clock.instant()));
    return 0;
  }

  /** An agent listening on every address is asked on loopback. */
  private static URI statusUri(InetSocketAddress address) {
    InetAddress host = address.getAddress();
    if (host.isAnyLocalAddress()) {
      host = InetAddress.getLoopbackAddress();
    }
    String literal = host.getHostAddress();
    if (literal.contains(":")) {
      literal = "[" + literal.replaceFirst("%.*$", "") + "]";
    }
    return URI.create("http://" + literal + ":" + address.getPort() + "/status");
  }
}
