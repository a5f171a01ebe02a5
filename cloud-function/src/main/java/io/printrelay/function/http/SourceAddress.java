package io.printrelay.function.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request came from, as the infrastructure saw it, never as the client claims it:
 * {@code X-Forwarded-For} and {@code Forwarded} are ignored, since any caller can write them (and
 * Micronaut's own {@code HttpClientAddressResolver} trusts them unless told otherwise).
 *
 * <ul>
 *   <li>On Lambda: API Gateway's {@code requestContext.http.sourceIp}, the peer of the gateway's
 *       own TLS connection. Micronaut's API Gateway request (4.11) does not expose it as the remote
 *       address, so it is read from the event.
 *   <li>On Netty ({@code printrelay local}): the socket's peer.
 * </ul>
 */
public final class SourceAddress {
  // Only literals: InetAddress.getByName would look anything else up in DNS.
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private SourceAddress() {}

  public static Optional<InetAddress> of(HttpRequest<?> request) {
    if (request instanceof ServletHttpRequest<?, ?> servlet
        && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
      return gatewaySourceIp(event).flatMap(SourceAddress::literal);
    }
    InetSocketAddress peer = request.getRemoteAddress();
    return Optional.ofNullable(peer == null ? null : peer.getAddress());
  }

  private static Optional<String> gatewaySourceIp(APIGatewayV2HTTPEvent event) {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
        .map(APIGatewayV2HTTPEvent.RequestContext.Http::getSourceIp);
  }

  static Optional<InetAddress> literal(String text) {
    if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException malformed) {
      return Optional.empty();
    }
  }
}
