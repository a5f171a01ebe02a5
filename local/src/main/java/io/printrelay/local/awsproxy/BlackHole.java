package io.printrelay.local.awsproxy;

/** How a proxy loses traffic while a black hole lasts. */
public enum BlackHole {
  /**
   * The listener is closed and open connections are cut: connects fail at once with "connection
   * refused", as when the route to the cloud answers with a reset (a local firewall, a host down).
   */
  REFUSE,
  /**
   * Connections are accepted and requests read, but nothing is answered; when the black hole ends
   * those connections are dropped. The client sees read timeouts, as behind a dead uplink.
   */
  NO_ANSWER
}
