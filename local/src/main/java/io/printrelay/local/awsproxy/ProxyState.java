package io.printrelay.local.awsproxy;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;

/**
 * What every connection of one proxy shares: the service, the round-trip time and black hole in
 * force (read at each step of each request, so a change applies at once), the open client
 * connections and the counters.
 */
final class ProxyState {
  private final AwsService service;
  private final TrafficCounter traffic = new TrafficCounter();
  private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final ChannelGroup held = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private volatile long roundTripNanos;
  private volatile BlackHole blackHole; // null: traffic flows

  ProxyState(AwsService service) {
    this.service = service;
  }

  AwsService service() {
    return service;
  }

  TrafficCounter traffic() {
    return traffic;
  }

  ChannelGroup clients() {
    return clients;
  }

  void roundTrip(Duration roundTrip) {
    if (roundTrip.isNegative()) {
      throw new IllegalArgumentException("round-trip time must not be negative: " + roundTrip);
    }
    roundTripNanos = roundTrip.toNanos();
  }

  /** Half the round trip is spent before the request goes upstream... */
  long beforeForwardNanos() {
    return roundTripNanos / 2;
  }

  /** ...and the other half before its answer goes back. */
  long beforeAnswerNanos() {
    long roundTrip = roundTripNanos;
    return roundTrip - roundTrip / 2;
  }

  BlackHole blackHole() {
    return blackHole;
  }

  void blackHole(BlackHole mode) {
    blackHole = mode;
  }

  boolean refusing() {
    return blackHole == BlackHole.REFUSE;
  }

  boolean noAnswer() {
    return blackHole == BlackHole.NO_ANSWER;
  }

  /**
   * Keeps the connection open and silent until the black hole ends. Added first and checked after,
   * so a connection held just as the black hole ends is dropped by one side or the other.
   */
  void hold(Channel connection) {
    traffic.unanswered();
    held.add(connection);
    if (!noAnswer()) {
      connection.close();
    }
  }

  /** Drops every connection held by a black hole that has just ended. */
  void dropHeld() {
    held.close().awaitUninterruptibly();
  }
}
