package io.printrelay.agent.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /status}: the agent's {@link AgentStatus} as JSON, on the JDK's own HTTP server, which
 * keeps the agent's jar small. Read-only; nothing else is served.
 */
public final class StatusServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService handlers;

  private StatusServer(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /**
   * Listens on {@code address} (port 0: any free one) and answers with {@code status}.
   *
   * @throws IOException when the address cannot be bound (in use, not this machine's)
   */
  public static StatusServer start(InetSocketAddress address, Supplier<AgentStatus> status)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    // One at a time: the answer is small, and the person at the machine asks now and then.
    ExecutorService handlers =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("agent-status").daemon(true).factory());
    server.setExecutor(handlers);
    server.createContext("/", exchange -> answer(exchange, status));
    server.start();
    return new StatusServer(server, handlers);
  }

  /** Where it listens, with the port it got. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void answer(HttpExchange exchange, Supplier<AgentStatus> status)
      throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (!"/status".equals(exchange.getRequestURI().getPath())) {
        send(exchange, 404, StatusJson.error("not found: GET /status"));
      } else if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, StatusJson.error("method not allowed: GET /status"));
      } else {
        String body;
        try {
          body = StatusJson.write(status.get());
        } catch (RuntimeException e) {
          send(exchange, 500, StatusJson.error(e.toString()));
          return;
        }
        send(exchange, 200, body);
      }
    }
  }

  private static void send(HttpExchange exchange, int code, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
