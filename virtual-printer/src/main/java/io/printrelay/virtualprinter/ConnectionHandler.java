package io.printrelay.virtualprinter;

import io.printrelay.virtualprinter.ZplFormatSplitter.Discarded;
import io.printrelay.virtualprinter.ZplFormatSplitter.Event;
import io.printrelay.virtualprinter.ZplFormatSplitter.Format;
import io.printrelay.virtualprinter.ZplFormatSplitter.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one port-9100 connection: splits the stream into formats, queues each into the receive
 * buffer (blocking while it is full, which is what makes TCP backpressure real), answers {@code
 * ~HS} at once, and performs a scheduled connection cut.
 *
 * <p>Like a Zebra, which serves one connection at a time, it closes a connection that stays silent
 * longer than the idle timeout, so a client that went away without closing does not keep every
 * other sender waiting. It also closes one that sends more than the format limit without completing
 * a format: those bytes could only ever be discarded, and holding them would grow the heap without
 * bound.
 */
final class ConnectionHandler implements Consumer<Socket> {

  private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
  private static final int READ_CHUNK = 8192;

  /**
   * @param maxFormatBytes bytes of one unfinished format (or of stray bytes) before the connection
   *     is closed
   * @param idleTimeout silence after which the connection is closed; zero = never
   */
  record Limits(long maxFormatBytes, Duration idleTimeout) {}

  /** Why serving stopped; decides what becomes of a format still being received. */
  private enum End {
    CLOSED,
    IDLE,
    CUT,
    TOO_LARGE
  }

  private final String name;
  private final ReceiveBuffer buffer;
  private final Supplier<HostStatus> status;
  private final AtomicInteger dropAfter;
  private final LabelHistory partials;
  private final AtomicInteger connections;
  private final Limits limits;

  ConnectionHandler(
      String name,
      ReceiveBuffer buffer,
      Supplier<HostStatus> status,
      AtomicInteger dropAfter,
      LabelHistory partials,
      AtomicInteger connections,
      Limits limits) {
    this.name = name;
    this.buffer = buffer;
    this.status = status;
    this.dropAfter = dropAfter;
    this.partials = partials;
    this.connections = connections;
    this.limits = limits;
  }

  @Override
  public void accept(Socket socket) {
    connections.incrementAndGet();
    ZplFormatSplitter splitter = new ZplFormatSplitter();
    End end = End.CLOSED;
    try (socket) {
      socket.setTcpNoDelay(true); // ~HS answers are tiny and the sender is waiting for them
      socket.setSoTimeout(Math.toIntExact(limits.idleTimeout().toMillis())); // 0 = no limit
      end = serve(socket, splitter);
    } catch (InterruptedException e) {
      // close() while we were blocked on a full buffer
    } catch (IOException e) {
      log.debug("virtual printer {}: connection ended: {}", name, e.toString());
    }
    if (end == End.CLOSED || end == End.IDLE) {
      // A format begun but not finished when the connection ended is never printed.
      for (Event event : splitter.finish()) {
        if (event instanceof Discarded d) {
          record(d.bytes(), 0, d.bytes().length);
        }
      }
    }
  }

  /** Reads until the connection ends or one of the reasons to end it arises. */
  private End serve(Socket socket, ZplFormatSplitter splitter)
      throws IOException, InterruptedException {
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    byte[] chunk = new byte[READ_CHUNK];
    while (true) {
      int n;
      try {
        n = in.read(chunk);
      } catch (SocketTimeoutException idle) {
        log.info(
            "virtual printer {}: connection silent for {}, closing it", name, limits.idleTimeout());
        return End.IDLE;
      }
      if (n == -1) {
        return End.CLOSED;
      }
      for (Event event : splitter.feed(chunk, 0, n)) {
        if (handle(event, socket, out, chunk, n)) {
          return End.CUT;
        }
      }
      if (splitter.pendingBytes() > limits.maxFormatBytes()) {
        log.warn(
            "virtual printer {}: {} bytes received without completing a format (limit {}),"
                + " discarding them and closing the connection",
            name,
            splitter.pendingBytes(),
            limits.maxFormatBytes());
        return End.TOO_LARGE;
      }
    }
  }

  /** Acts on one event of the chunk just read; returns true when the scheduled cut fired. */
  private boolean handle(Event event, Socket socket, OutputStream out, byte[] chunk, int n)
      throws IOException, InterruptedException {
    switch (event) {
      case Format f -> {
        buffer.put(f.bytes()); // blocks while full: no more reads, TCP pushes back
        if (dropAfter.getAndUpdate(v -> v > 0 ? v - 1 : 0) == 1) {
          // Whatever followed the format in this read is lost with the connection.
          record(chunk, f.endOffset(), n);
          socket.setSoLinger(true, 0); // the close that follows sends RST
          return true;
        }
      }
      case HostCommand c when c.isHostStatus() -> {
        out.write(status.get().toBytes());
        out.flush();
      }
      case HostCommand c -> log.debug("virtual printer {}: ignoring ~{}", name, c.code());
      case Discarded d -> record(d.bytes(), 0, d.bytes().length);
    }
    return false;
  }

  private void record(byte[] bytes, int from, int to) {
    if (!ZplFormatSplitter.isBlank(bytes, from, to)) {
      partials.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
  }
}
