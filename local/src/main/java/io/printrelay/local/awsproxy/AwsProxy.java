package io.printrelay.local.awsproxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP reverse proxy on 127.0.0.1 in front of one emulated AWS service (ElasticMQ or DynamoDB
 * Local), for measuring and for tests; never for production traffic. Point a client's endpoint at
 * {@link #endpoint()} and this proxy can slow its requests down ({@link #roundTrip}), lose them
 * ({@link #blackHole}), and says what went through ({@link #traffic()}).
 *
 * <p>Requests and answers pass whole and unchanged but for the connection's own headers (see {@link
 * HopByHop}): {@code Host} and the SigV4 signature headers stay as the SDK signed them. The one
 * change is to DynamoDB write requests, which are asked for their consumed capacity (see {@link
 * WriteUnits}). Each client connection gets its own upstream connection.
 */
public final class AwsProxy implements AutoCloseable {
  private final ProxyState state;
  private final EventLoopGroup loop;
  private final Listener listener;

  private AwsProxy(ProxyState state, EventLoopGroup loop, Listener listener) {
    this.state = state;
    this.loop = loop;
    this.listener = listener;
  }

  /** Listens on a free port of 127.0.0.1; {@code upstream} must be on loopback too. */
  public static AwsProxy start(AwsService service, URI upstream) {
    InetSocketAddress target = loopback(upstream);
    ProxyState state = new ProxyState(service);
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    Bootstrap upstreamBootstrap =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
    ServerBootstrap server =
        new ServerBootstrap()
            .group(loop)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel
                        .pipeline()
                        .addLast(
                            new HttpServerCodec(),
                            new HttpObjectAggregator(ClientConnection.MAX_BODY),
                            new ClientConnection(state, upstreamBootstrap, target));
                  }
                });
    Listener listener = new Listener(server, 0);
    try {
      listener.open();
    } catch (RuntimeException e) {
      loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
    return new AwsProxy(state, loop, listener);
  }

  public AwsService service() {
    return state.service();
  }

  /** {@code http://127.0.0.1:<port>}; the port stays the same across black holes. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.port());
  }

  /**
   * Adds this round-trip time to every request from now on: half before it is forwarded, half
   * before its answer goes back. {@link Duration#ZERO} forwards at once.
   */
  public void roundTrip(Duration roundTrip) {
    state.roundTrip(roundTrip);
  }

  /** Loses all traffic the given way until {@link #endBlackHole()}; ends any other first. */
  public synchronized void blackHole(BlackHole mode) {
    endBlackHole();
    state.blackHole(mode);
    if (mode == BlackHole.REFUSE) {
      listener.close();
      state.clients().close().awaitUninterruptibly();
    }
  }

  /** Traffic flows again: a closed listener reopens on its port, held connections are dropped. */
  public synchronized void endBlackHole() {
    BlackHole mode = state.blackHole();
    state.blackHole(null);
    if (mode == BlackHole.REFUSE) {
      listener.open();
    } else if (mode == BlackHole.NO_ANSWER) {
      state.dropHeld();
    }
  }

  /** Requests and write units since the start or the last {@link #resetTraffic()}. */
  public Traffic traffic() {
    return state.traffic().snapshot();
  }

  public void resetTraffic() {
    state.traffic().reset();
  }

  @Override
  public synchronized void close() {
    listener.close();
    state.clients().close().awaitUninterruptibly();
    loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static InetSocketAddress loopback(URI upstream) {
    try {
      InetAddress address = InetAddress.getByName(upstream.getHost());
      if (!address.isLoopbackAddress() || upstream.getPort() < 1) {
        throw new IllegalArgumentException(
            "the AWS proxy forwards only to a loopback host:port, not " + upstream);
      }
      return new InetSocketAddress(address, upstream.getPort());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown upstream host in " + upstream, e);
    }
  }
}
