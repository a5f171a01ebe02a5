package io.printrelay.local.awsproxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The proxy's listening socket on 127.0.0.1. It can be closed and opened again on the same port, so
 * that clients keep their endpoint across a {@link BlackHole#REFUSE}.
 */
final class Listener {
  private final ServerBootstrap bootstrap;
  private int port;
  private Channel channel;

  Listener(ServerBootstrap bootstrap, int port) {
    this.bootstrap = bootstrap;
    this.port = port;
  }

  /** Binds (port 0 at first: a free one, kept from then on); throws if the port is taken. */
  synchronized void open() {
    if (channel != null) {
      return;
    }
    channel =
        bootstrap
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .syncUninterruptibly()
            .channel();
    port = ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening: connects are refused from the moment this returns. */
  synchronized void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
      channel = null;
    }
  }

  synchronized int port() {
    return port;
  }
}
