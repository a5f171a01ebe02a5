package io.printrelay.embedded;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * DynamoDB Local's HTTP endpoint, listening on one address only.
 *
 * <p>DynamoDB Local 2.6.1 has no host setting: {@code ServerRunner} builds a {@code
 * DynamoDBProxyServer}, whose only constructor takes a port and creates {@code new Server(port)}, a
 * Jetty connector on every interface. Anyone on the LAN could then read the table and rewrite a
 * label's content, with any credentials. So this serves DynamoDB Local's own request handler (the
 * one {@code ServerRunner.createServer} builds for {@code -sharedDb} and {@code -inMemory} or
 * {@code -dbPath}) from a Jetty server of ours, whose connector has a host. Skipping ServerRunner
 * also skips its telemetry set-up, so nothing is reported to AWS (we passed -disableTelemetry).
 */
final class DynamoDbLocalServer implements AutoCloseable {
  // ServerRunner's static initialiser quiets sqlite4java to WARNING; we skip ServerRunner, so we do
  // it here. The field keeps the logger alive: java.util.logging only holds loggers weakly, and a
  // collected logger would come back at the default level.
  private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

  static {
    SQLITE_LOG.setLevel(Level.WARNING);
  }

  private final Server server;
  private final LocalDynamoDBServerHandler handler;

  private DynamoDbLocalServer(Server server, LocalDynamoDBServerHandler handler) {
    this.server = server;
    this.handler = handler;
  }

  /**
   * Serves one database shared by every client (as {@code -sharedDb}).
   *
   * @param host the address to listen on, e.g. 127.0.0.1
   * @param dataDir an existing directory for the database files; null keeps them in memory
   * @throws Exception when the port is taken or the database cannot be opened
   */
  static DynamoDbLocalServer start(String host, int port, Path dataDir) throws Exception {
    boolean inMemory = dataDir == null;
    boolean sharedDb = true;
    boolean delayTransientStatuses = false;
    String noCorsAllowList = null;
    // The 0 is what ServerRunner.createServer passes too.
    LocalDynamoDBServerHandler handler =
        new LocalDynamoDBServerHandler(
            new LocalDynamoDBRequestHandler(
                0,
                inMemory,
                inMemory ? null : dataDir.toString(),
                sharedDb,
                delayTransientStatuses),
            noCorsAllowList);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ContextHandler context = new ContextHandler();
    context.setHandler(handler);
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      new DynamoDbLocalServer(server, handler).close();
      throw e;
    }
    return new DynamoDbLocalServer(server, handler);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    } finally {
      handler.close();
    }
  }
}
