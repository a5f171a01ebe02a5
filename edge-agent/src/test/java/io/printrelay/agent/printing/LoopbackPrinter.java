package io.printrelay.agent.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare loopback socket that records the bytes of each connection, for testing the printer adapter
 * without a printer model in the way. It can answer {@code ~HS} with scripted buffer counts, stay
 * silent, or cut the connection.
 */
final class LoopbackPrinter implements AutoCloseable {
  enum Mode {
    SILENT,
    ANSWER_STATUS,
    CLOSE_AFTER_FIRST_READ,
    RESET_ON_STATUS,
    NEVER_READ
  }

  private final ServerSocket server;
  private final Mode mode;
  private final List<ByteArrayOutputStream> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger statusQueries = new AtomicInteger();
  private final AtomicInteger closedConnections = new AtomicInteger();
  private volatile int[] bufferCounts = {0};
  private volatile boolean paperOut;

  LoopbackPrinter(Mode mode) throws IOException {
    this.mode = mode;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    if (mode == Mode.NEVER_READ) {
      server.setReceiveBufferSize(4096);
    }
    Thread.ofVirtual().start(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  /** What the n-th ~HS answers report as formats in the receive buffer (the last one repeats). */
  void bufferCounts(int... counts) {
    this.bufferCounts = counts;
  }

  void paperOut(boolean paperOut) {
    this.paperOut = paperOut;
  }

  /** The {@code ~HS} queries answered (in {@link Mode#ANSWER_STATUS}). */
  int statusQueries() {
    return statusQueries.get();
  }

  /** Connections this side has closed; on loopback the peer has the FIN once this counts it. */
  int closedConnections() {
    return closedConnections.get();
  }

  List<String> received() {
    return connections.stream().map(b -> b.toString(StandardCharsets.UTF_8)).toList();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        connections.add(bytes);
        Thread.ofVirtual().start(() -> serve(socket, bytes));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, ByteArrayOutputStream bytes) {
    try (socket) {
      if (mode == Mode.NEVER_READ) {
        Thread.sleep(60_000);
        return;
      }
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) > 0) {
        synchronized (bytes) {
          bytes.write(chunk, 0, n);
        }
        String text = new String(chunk, 0, n, StandardCharsets.US_ASCII);
        if (mode == Mode.CLOSE_AFTER_FIRST_READ) {
          return;
        }
        if (text.contains("~HS")) {
          if (mode == Mode.RESET_ON_STATUS) {
            socket.setSoLinger(true, 0);
            return;
          }
          if (mode == Mode.ANSWER_STATUS) {
            out.write(answer(statusQueries.getAndIncrement()));
            out.flush();
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      // connection over
    } finally {
      closedConnections.incrementAndGet(); // after try-with-resources closed the socket
    }
  }

  private byte[] answer(int query) {
    int[] counts = bufferCounts;
    int inBuffer = counts[Math.min(query, counts.length - 1)];
    String first = String.format("030,%d,0,1218,%03d,0,0,0,000,0,0,0", paperOut ? 1 : 0, inBuffer);
    String answer =
        "\u0002"
            + first
            + "\u0003\r\n"
            + "\u0002001,0,0,0,0,2,6,0,00000000,1,000\u0003\r\n"
            + "\u00021234,0\u0003\r\n";
    return answer.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
