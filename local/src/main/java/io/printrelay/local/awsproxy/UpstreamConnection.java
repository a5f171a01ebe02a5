package io.printrelay.local.awsproxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;

/** The proxy's connection to the emulator, serving one {@link ClientConnection}. */
final class UpstreamConnection extends SimpleChannelInboundHandler<FullHttpResponse> {
  private final ClientConnection client;
  private final ChannelHandlerContext clientContext;

  UpstreamConnection(ClientConnection client, ChannelHandlerContext clientContext) {
    this.client = client;
    this.clientContext = clientContext;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
    client.answered(clientContext, response);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    client.upstreamClosed(clientContext, ctx.channel());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
