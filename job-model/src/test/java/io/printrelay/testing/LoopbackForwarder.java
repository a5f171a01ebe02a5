package io.printrelay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on loopback between a client under test and a real server (an embedded emulator),
 * that fails the way a network does, so real AWS SDK clients meet real connection errors instead of
 * a stubbed interface:
 *
 * <ul>
 *   <li>{@link #refuse()}: the endpoint is down. The listener is closed (connects are refused) and
 *       every open connection is reset, pooled keep-alive ones included.
 *   <li>{@link #blackHole()}: the endpoint stops answering. Connects still succeed and every byte
 *       sent is read, but nothing reaches the server and nothing comes back, on new and open
 *       connections alike; a client waits until its own read timeout.
 *   <li>{@link #restore()}: back to forwarding on the same port. Connections that were black-holed
 *       lost bytes both ways, so they are reset, as the client's timeout would; clients reconnect.
 * </ul>
 *
 * Test code only: blocking sockets, one virtual thread per direction of each connection.
 */
public final class LoopbackForwarder implements AutoCloseable {
  private enum Mode {
    FORWARD,
    REFUSE,
    BLACK_HOLE,
    CLOSED
  }

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final int target;
  private final int port;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger abandoned = new AtomicInteger();
  private volatile Mode mode = Mode.FORWARD;
  private ServerSocket listener;

  private LoopbackForwarder(int target) {
    this.target = target;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    acceptOn(listener);
  }

  /** Forwards a new loopback port to the server behind {@code endpoint} (its port only). */
  public static LoopbackForwarder to(URI endpoint) {
    return new LoopbackForwarder(endpoint.getPort());
  }

  /** Where the client under test connects instead of the server (the emulators speak HTTP). */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Connections accepted so far, black-holed ones included. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /**
   * Black-holed connections their client closed: it timed out waiting for an answer. Proof that a
   * call met the outage itself, not merely a delay.
   */
  public int connectionsAbandoned() {
    return abandoned.get();
  }

  public synchronized void refuse() {
    mode = Mode.REFUSE;
    closeQuietly(listener);
    links.forEach(Link::reset);
  }

  public synchronized void blackHole() {
    if (mode == Mode.REFUSE) {
      restore();
    }
    mode = Mode.BLACK_HOLE;
    links.forEach(Link::silence);
  }

  public synchronized void restore() {
    if (mode == Mode.REFUSE) {
      listener = listen(port);
      acceptOn(listener);
    }
    links.stream().filter(Link::silenced).forEach(Link::reset);
    mode = Mode.FORWARD;
  }

  @Override
  public synchronized void close() {
    mode = Mode.CLOSED;
    closeQuietly(listener);
    links.forEach(Link::reset);
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true); // listening again on the same port after refuse()
      socket.bind(new InetSocketAddress(LOOPBACK, port), 50);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  private void acceptOn(ServerSocket server) {
    Thread.ofVirtual()
        .name("forwarder-" + port)
        .start(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket client = server.accept();
                  accepted.incrementAndGet();
                  open(client);
                } catch (IOException closed) {
                  return;
                }
              }
            });
  }

  private void open(Socket client) {
    Link link = new Link(client);
    links.add(link);
    if (mode == Mode.BLACK_HOLE) {
      link.silence();
      Thread.ofVirtual().start(() -> link.pump(client, null));
      return;
    }
    try {
      Socket upstream = new Socket(LOOPBACK, target);
      link.upstream = upstream;
      Thread.ofVirtual().start(() -> link.pump(client, upstream));
      Thread.ofVirtual().start(() -> link.pump(upstream, client));
    } catch (IOException e) {
      link.reset();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception ignored) {
      // closing anyway
    }
  }

  /** One client connection and, unless it was black-holed from the start, its upstream one. */
  private final class Link {
    private final Socket client;
    private volatile Socket upstream;
    private volatile boolean silenced;
    private volatile boolean cut;

    Link(Socket client) {
      this.client = client;
    }

    void silence() {
      silenced = true;
    }

    boolean silenced() {
      return silenced;
    }

    /** Copies one direction; while silenced, reads and drops. Ends the link at EOF or error. */
    void pump(Socket from, Socket to) {
      byte[] chunk = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        int n;
        while ((n = in.read(chunk)) >= 0) {
          if (silenced || to == null) {
            continue;
          }
          OutputStream out = to.getOutputStream();
          out.write(chunk, 0, n);
          out.flush();
        }
      } catch (IOException ended) {
        // reset or closed: the link is over
      }
      if (from == client && silenced && !cut) {
        abandoned.incrementAndGet();
      }
      reset();
    }

    /** Closes both sides at once with an RST, as a server going away does. */
    void reset() {
      cut = true;
      links.remove(this);
      for (Socket socket : new Socket[] {client, upstream}) {
        if (socket == null) {
          continue;
        }
        try {
          socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
          // nothing to reset
        }
        closeQuietly(socket);
      }
    }
  }
}
