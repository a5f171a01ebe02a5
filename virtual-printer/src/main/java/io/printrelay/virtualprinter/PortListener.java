package io.printrelay.virtualprinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer's TCP side: a listening socket that can be switched off and on again on the same
 * port, and an accept thread that hands connections, one at a time, to a handler. While the handler
 * runs, later connects complete in the kernel backlog and wait, as on a Zebra.
 */
final class PortListener {

  private static final Logger log = LoggerFactory.getLogger(PortListener.class);
  private static final int BACKLOG = 16;

  private final String name;
  private final InetAddress bindAddress;
  private final int socketReceiveBufferBytes;
  private final int port;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private ServerSocket server; // null while refusing connections
  private ServerSocket accepting; // the socket the accept thread is blocked on, if any
  private Socket current;
  private boolean closed;
  private Thread thread;

  /** Binds at once, so a busy port fails here and {@link #port()} is known. */
  PortListener(String name, InetAddress bindAddress, int port, int socketReceiveBufferBytes)
      throws IOException {
    this.name = name;
    this.bindAddress = bindAddress;
    this.socketReceiveBufferBytes = socketReceiveBufferBytes;
    this.server = bind(port);
    this.port = server.getLocalPort();
  }

  int port() {
    return port;
  }

  void start(Consumer<Socket> handler) {
    thread =
        Thread.ofVirtual()
            .name("virtual-printer-" + name + "-accept")
            .start(() -> acceptLoop(handler));
  }

  void refuseConnections(boolean refuse) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("virtual printer " + name + " is closed");
      }
      if (refuse) {
        ServerSocket old = server;
        closeQuietly(old);
        server = null;
        awaitAcceptReleased(old);
      } else if (server == null) {
        server = bind(port);
        changed.signalAll();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen again on port " + port, e);
    } finally {
      lock.unlock();
    }
  }

  void close() throws InterruptedException {
    Socket connection;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      ServerSocket old = server;
      closeQuietly(old);
      server = null;
      connection = current;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    closeQuietly(connection);
    thread.interrupt(); // unblocks a handler waiting for room in the receive buffer
    thread.join(Duration.ofSeconds(2)); // the thread closes the sockets' descriptors on its way out
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  /**
   * A socket closed while a virtual thread is blocked in accept() on it is only really closed
   * (connects refused) once that thread leaves accept(). Waiting for that makes "refused" hold as
   * soon as refuseConnections(true) returns, even on a loaded machine.
   */
  private void awaitAcceptReleased(ServerSocket old) {
    long nanos = TimeUnit.SECONDS.toNanos(2);
    try {
      while (old != null && accepting == old && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop(Consumer<Socket> handler) {
    while (true) {
      ServerSocket listening;
      lock.lock();
      try {
        while (!closed && server == null) {
          changed.await();
        }
        if (closed) {
          return;
        }
        listening = server;
        accepting = listening;
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      Socket socket = null;
      IOException failure = null;
      try {
        socket = listening.accept();
      } catch (IOException e) {
        failure = e;
      }
      if (!afterAccept(listening, socket, failure)) {
        closeQuietly(socket);
        return;
      }
      if (socket != null) {
        try {
          handler.accept(socket); // inline: one connection at a time
        } finally {
          setCurrent(null);
        }
      }
    }
  }

  /** Records the outcome of accept(); returns false when the printer is closing. */
  private boolean afterAccept(ServerSocket listening, Socket socket, IOException failure) {
    lock.lock();
    try {
      accepting = null;
      changed.signalAll();
      if (closed) {
        return false;
      }
      current = socket;
      if (failure != null && server == listening) {
        // Not our own close (refuse/close) but e.g. out of file descriptors: back off
        // rather than spin on a socket that keeps failing.
        log.warn("virtual printer {}: accept failed", name, failure);
        changed.await(100, TimeUnit.MILLISECONDS);
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }

  private void setCurrent(Socket socket) {
    lock.lock();
    try {
      current = socket;
    } finally {
      lock.unlock();
    }
  }

  private ServerSocket bind(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      // Re-listening on the same port must work while old connections sit in TIME_WAIT.
      socket.setReuseAddress(true);
      if (socketReceiveBufferBytes > 0) {
        // Inherited by accepted sockets; a small window makes backpressure bite quickly.
        socket.setReceiveBufferSize(socketReceiveBufferBytes);
      }
      socket.bind(new InetSocketAddress(bindAddress, port), BACKLOG);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  static void closeQuietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      // nothing useful to do: we are discarding it
    }
  }
}
