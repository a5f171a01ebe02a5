package io.printrelay.function.webhooks;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the function may send a request an operator's URL names (an Odoo database, a status-back
 * URL): public addresses only, unless {@code printrelay.outbound.allow-private-addresses} says
 * otherwise (`printrelay local` and the tests, whose Odoo is on this machine). On Lambda a loopback
 * address reaches the Lambda runtime API and a private one the VPC: a profile must not turn the
 * function into a way in. The check resolves the name just before the call; a name that resolves
 * differently a moment later (DNS rebinding) is beyond it.
 */
@Singleton
public class OutboundAddresses {
  private final boolean allowPrivate;

  public OutboundAddresses(
      @Value("${printrelay.outbound.allow-private-addresses:false}") boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /**
   * Why a request to {@code url} must not be sent, or empty when it may (a name that does not
   * resolve may: the call then fails as unreachable, and is tried again).
   */
  public Optional<String> refusal(URI url) {
    String host = url.getHost();
    if (allowPrivate || host == null) {
      return Optional.empty();
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (notPublic(address)) {
          return Optional.of(
              host
                  + " is a private, loopback or link-local address ("
                  + address.getHostAddress()
                  + "): the function calls public addresses only");
        }
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static boolean notPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc; // unique local, fc00::/7
    }
    // Carrier-grade NAT, 100.64.0.0/10.
    return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
  }
}
