package io.printrelay.agent.printing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A printer on raw TCP (port 9100): one persistent connection, each label one whole write (then
 * flush), never split by a pause, cancel or shutdown, which act between labels. Port 9100 has no
 * acknowledgement, so a ZPL label is then confirmed through {@code ~HS} ({@link
 * HostStatusConfirmation}). A connect that fails is {@link PrinterUnreachable}; a broken connection
 * is dropped and the next label reconnects.
 */
public final class TcpLabelPrinter implements LabelPrinter {
  private final PrinterEndpoint endpoint;
  private final Timeouts timeouts;
  private final ScheduledExecutorService watchdog;
  private final HostStatusConfirmation confirmation;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Socket socket;
  private volatile boolean closed;

  /**
   * @param connect how long a connect may take before the printer counts as unreachable
   * @param write how long one write may block (a stalled printer) before the connection is cut
   * @param status how long to wait for a {@code ~HS} answer
   */
  public record Timeouts(Duration connect, Duration write, Duration status) {}

  /**
   * @param watchdog runs the timer that cuts a write blocked longer than {@link Timeouts#write}
   * @param problems told what the printer reports (paper out, head open) or null when fine
   */
  public TcpLabelPrinter(
      PrinterEndpoint endpoint,
      Timeouts timeouts,
      ScheduledExecutorService watchdog,
      Consumer<String> problems) {
    this.endpoint = endpoint;
    this.timeouts = timeouts;
    this.watchdog = watchdog;
    this.confirmation =
        new HostStatusConfirmation(endpoint.id(), timeouts.status(), this::write, problems);
  }

  @Override
  public void print(byte[] label) throws IOException {
    lock.lock();
    try {
      Socket connection = connected();
      try {
        write(connection, label);
        if (isZplFormat(label)) {
          confirmation.confirm(connection); // the seam where "written" becomes "printed"
        }
      } catch (IOException e) {
        drop(connection);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void connect() throws IOException {
    lock.lock();
    try {
      connected();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    drop(socket);
  }

  private Socket connected() throws IOException {
    if (closed) {
      throw new PrinterUnreachable(endpoint.host(), endpoint.port(), new IOException("closed"));
    }
    Socket current = socket;
    if (current != null && !peerClosed(current)) {
      return current;
    }
    drop(current);
    Socket fresh = new Socket();
    try {
      fresh.setTcpNoDelay(true); // a label is one write: send it now, not after Nagle's delay
      fresh.setKeepAlive(true);
      fresh.connect(
          new InetSocketAddress(endpoint.host(), endpoint.port()),
          (int) timeouts.connect().toMillis());
    } catch (IOException e) {
      fresh.close();
      throw new PrinterUnreachable(endpoint.host(), endpoint.port(), e);
    }
    socket = fresh;
    return fresh;
  }

  /**
   * A printer that closed the connection while idle (restart, idle timeout) is noticed before the
   * next label, so that label is sent on a fresh connection instead of into a dead one.
   */
  private static boolean peerClosed(Socket connection) {
    if (connection.isClosed()) {
      return true;
    }
    try {
      connection.setSoTimeout(1);
      return connection.getInputStream().read() < 0; // a stray byte is a late answer: dropped
    } catch (SocketTimeoutException alive) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** One whole write; a watchdog cuts the connection if the printer stops taking bytes. */
  private void write(Socket connection, byte[] bytes) throws IOException {
    ScheduledFuture<?> cut =
        watchdog.schedule(
            () -> drop(connection), timeouts.write().toMillis(), TimeUnit.MILLISECONDS);
    try {
      OutputStream out = connection.getOutputStream();
      out.write(bytes);
      out.flush();
    } finally {
      cut.cancel(false);
    }
  }

  /** A ZPL format (what ~HS can confirm); other printer languages are only written. */
  static boolean isZplFormat(byte[] label) {
    int i = 0;
    while (i < label.length && Character.isWhitespace(label[i])) {
      i++;
    }
    return label.length - i >= 3
        && label[i] == '^'
        && (label[i + 1] == 'X' || label[i + 1] == 'x')
        && (label[i + 2] == 'A' || label[i + 2] == 'a');
  }

  private void drop(Socket connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    if (socket == connection) {
      socket = null;
    }
  }
}
