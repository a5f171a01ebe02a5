package io.printrelay.virtualprinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that behaves like a Zebra on raw port 9100: it accepts ZPL, keeps complete formats
 * in a bounded receive buffer, prints one every {@code perLabel}, answers {@code ~HS} at once, and
 * can be made to misbehave (refuse connections, cut a connection, run out of paper) so the edge
 * agent's failure handling is tested against real sockets.
 *
 * <p>Like a Zebra it serves one connection at a time: further connects complete in the kernel
 * backlog and are served in turn after the current one ends, and a connection silent for longer
 * than the idle timeout is closed. Memory stays bounded however long it runs: it remembers only the
 * most recent labels and partials, and closes a connection that sends more than the format limit
 * without completing a format. All methods are thread-safe.
 */
public final class VirtualPrinter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(VirtualPrinter.class);

  /** 6 inches at 203 dpi; only reported in ~HS, nothing depends on it. */
  private static final int LABEL_LENGTH_DOTS = 1218;

  /** Called on the print thread after each label is printed (number counts from 1). */
  @FunctionalInterface
  public interface LabelListener {
    void onPrinted(int number, String format);
  }

  private final String name;
  private final InetAddress bindAddress;
  private final ReceiveBuffer buffer;
  private final PrintEngine engine;
  private final PortListener listener;
  private final LabelHistory partials;

  /** Formats left before the scheduled cut; 0 = none scheduled. */
  private final AtomicInteger dropAfter = new AtomicInteger();

  private final AtomicInteger connections = new AtomicInteger();

  VirtualPrinter(VirtualPrinterBuilder b) throws IOException {
    this.name = b.name;
    this.bindAddress = b.bindAddress;
    this.buffer = new ReceiveBuffer(b.maxBufferedFormats, b.maxBufferedBytes);
    this.partials = new LabelHistory(b.keepLast);
    this.engine = new PrintEngine(buffer, b.perLabel, new LabelHistory(b.keepLast), b.listener);
    engine.setPaperOut(b.paperOut);
    this.listener = new PortListener(name, bindAddress, b.port, b.socketReceiveBufferBytes);
    engine.start(name);
    listener.start(
        new ConnectionHandler(
            name,
            buffer,
            this::hostStatus,
            dropAfter,
            partials,
            connections,
            new ConnectionHandler.Limits(b.maxFormatBytes, b.idleTimeout)));
    log.debug("virtual printer {} listening on {}:{}", name, bindAddress.getHostAddress(), port());
  }

  /**
   * Starts a printer on 127.0.0.1 with the default buffer (8 formats / 64 KiB); {@code port} 0
   * picks a free port. Throws UncheckedIOException if the port is busy.
   */
  public static VirtualPrinter start(String name, int port, Duration perLabel) {
    return builder(name).port(port).perLabel(perLabel).start();
  }

  public static VirtualPrinterBuilder builder(String name) {
    return new VirtualPrinterBuilder(name);
  }

  public String name() {
    return name;
  }

  public InetAddress bindAddress() {
    return bindAddress;
  }

  /** The listening port; stays the same across {@link #refuseConnections} toggles. */
  public int port() {
    return listener.port();
  }

  /**
   * The most recently printed formats, oldest first (UTF-8 text, ^XA..^XZ inclusive); at most
   * {@link VirtualPrinterBuilder#keepLast} of them, all of them until that many were printed. An
   * immutable snapshot.
   */
  public List<String> printed() {
    return engine.printed();
  }

  /** Every label printed since the start, including those {@link #printed()} no longer holds. */
  public int printedCount() {
    return engine.printedCount();
  }

  /**
   * Received bytes that were never printed and never will be: formats cut by a dropped or closed
   * connection, bytes after the cut point of {@link #dropConnectionAfter}, stray non-blank bytes.
   * The most recent {@link VirtualPrinterBuilder#keepLast} of them, oldest first. Bytes discarded
   * for exceeding {@link VirtualPrinterBuilder#maxFormatBytes} are only logged.
   */
  public List<String> partials() {
    return partials.recent();
  }

  /** Complete formats received and waiting to be printed (the ~HS "formats in receive buffer"). */
  public int bufferedCount() {
    return buffer.size();
  }

  /** Connections accepted so far; lets tests see that a client reconnected. */
  public int connectionCount() {
    return connections.get();
  }

  /** Convenience for non-test callers; tests should poll with Awaitility. */
  public boolean awaitPrinted(int count, Duration timeout) throws InterruptedException {
    return engine.awaitPrinted(count, timeout);
  }

  /** What a {@code ~HS} query would answer right now. */
  public HostStatus hostStatus() {
    return new HostStatus(
        engine.paperOut(),
        engine.paused(),
        LABEL_LENGTH_DOTS,
        buffer.size(),
        buffer.isFull(),
        false,
        false,
        engine.printing() ? 1 : 0);
  }

  /**
   * Runs the printer out of paper ({@code true}) or loads paper again ({@code false}).
   *
   * <p>From the moment this returns with {@code true}, nothing more is printed: formats keep
   * arriving into the receive buffer (until it fills and TCP pushes back on the sender), a label
   * the head was printing goes back to the front of the buffer, and {@code ~HS} reports paper out
   * (string 1, field b = 1) with the formats waiting. With {@code false}, printing resumes with the
   * oldest waiting format.
   */
  public void paperOut(boolean paperOut) {
    engine.setPaperOut(paperOut);
  }

  /** Like pressing PAUSE: printing stops, ~HS reports the pause flag. */
  public void setPaused(boolean paused) {
    engine.setPaused(paused);
  }

  /**
   * While {@code refuse} is true the listening socket is closed, so connects fail at once with
   * ECONNREFUSED (a printer switched off or unplugged). When false, listens again on the same port.
   * Both take effect before this method returns; a connection being served is untouched.
   */
  public void refuseConnections(boolean refuse) {
    listener.refuseConnections(refuse);
  }

  /**
   * After {@code labels} more complete formats arrive (on the current connection, or the next one
   * if none is open) the connection is reset (SO_LINGER 0): a network cut in the middle of a job.
   * Those formats are printed; bytes after them in the same read go to {@link #partials()} and
   * anything later on that connection is lost. Fires once.
   */
  public void dropConnectionAfter(int labels) {
    if (labels < 1) {
      throw new IllegalArgumentException("labels must be >= 1");
    }
    dropAfter.set(labels);
  }

  /** Stops listening, drops any connection, stops printing; the port is free on return. */
  @Override
  public void close() {
    try {
      listener.close();
      engine.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True once close() has stopped both threads. */
  boolean isTerminated() {
    return !listener.isAlive() && !engine.isAlive();
  }

  @Override
  public String toString() {
    return "VirtualPrinter[" + name + " " + bindAddress.getHostAddress() + ":" + port() + "]";
  }

  static VirtualPrinter create(VirtualPrinterBuilder builder) {
    try {
      return new VirtualPrinter(builder);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "virtual printer "
              + builder.name
              + " cannot listen on "
              + builder.bindAddress.getHostAddress()
              + ":"
              + builder.port
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
