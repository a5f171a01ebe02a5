package io.printrelay.local.awsproxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headers that belong to one connection and so are not passed on (RFC 9110 section 7.6.1), plus
 * {@code Content-Length}, which the proxy sets itself after reading the whole body. Everything else
 * passes unchanged, notably {@code Host} and the SigV4 {@code Authorization}, {@code X-Amz-Date}
 * and {@code X-Amz-Content-Sha256}.
 */
final class HopByHop {
  private static final Set<String> NAMES =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "expect",
          "content-length");

  private HopByHop() {}

  /** Copies {@code from} into {@code to} without the connection's own headers. */
  static void copyEndToEnd(HttpHeaders from, HttpHeaders to) {
    Set<String> listed = listedInConnection(from);
    from.forEach(
        header -> {
          String name = header.getKey().toLowerCase(Locale.ROOT);
          if (!NAMES.contains(name) && !listed.contains(name)) {
            to.add(header.getKey(), header.getValue());
          }
        });
  }

  private static Set<String> listedInConnection(HttpHeaders headers) {
    List<String> values = headers.getAll(HttpHeaderNames.CONNECTION);
    return values.stream()
        .flatMap(value -> List.of(value.split(",")).stream())
        .map(token -> token.trim().toLowerCase(Locale.ROOT))
        .collect(java.util.stream.Collectors.toSet());
  }
}
