package io.printrelay.local.awsproxy;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One request on its way through the proxy: what it calls, whether the client keeps the connection,
 * and the request to send upstream (end-to-end headers unchanged, a whole body).
 */
final class Exchange {
  private final String operation;
  private final boolean keepAlive;
  private final FullHttpRequest received;
  private final byte[] body;

  private Exchange(String operation, boolean keepAlive, FullHttpRequest received, byte[] body) {
    this.operation = operation;
    this.keepAlive = keepAlive;
    this.received = received;
    this.body = body;
  }

  /**
   * Reads the request (whose chunks the aggregator has joined already); DynamoDB writes are asked
   * for their consumed capacity. Does not keep a reference to {@code request}'s buffer.
   */
  static Exchange of(AwsService service, FullHttpRequest request) {
    byte[] body = ByteBufUtil.getBytes(request.content());
    String operation = Operations.of(request.headers(), request.uri(), body);
    if (service == AwsService.DYNAMODB && WriteUnits.isWrite(operation)) {
      body = WriteUnits.askForTotal(body);
    }
    FullHttpRequest headersOnly =
        new DefaultFullHttpRequest(
            request.protocolVersion(), request.method(), request.uri(), Unpooled.EMPTY_BUFFER);
    headersOnly.headers().set(request.headers());
    return new Exchange(operation, HttpUtil.isKeepAlive(request), headersOnly, body);
  }

  String operation() {
    return operation;
  }

  boolean keepAlive() {
    return keepAlive;
  }

  boolean isWrite() {
    return WriteUnits.isWrite(operation);
  }

  /** A fresh request for the upstream connection, which stays open whatever the client does. */
  FullHttpRequest upstreamRequest() {
    FullHttpRequest out =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, received.method(), received.uri(), Unpooled.wrappedBuffer(body));
    HopByHop.copyEndToEnd(received.headers(), out.headers());
    out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return out;
  }
}
