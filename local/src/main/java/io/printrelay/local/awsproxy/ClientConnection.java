package io.printrelay.local.awsproxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One client connection and the upstream connection that serves it, one request at a time (the
 * client's socket is not read while a request is in flight; AWS SDKs do not pipeline). Every
 * callback runs on the client connection's event loop, the upstream connection's too, so the
 * fields need no locking.
 */
final class ClientConnection extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final int MAX_BODY = 32 * 1024 * 1024; // DynamoDB takes requests up to 16 MB

  private final ProxyState state;
  private final Bootstrap upstreamBootstrap;
  private final InetSocketAddress upstreamAddress;
  private Channel upstream;
  /** The request sent upstream whose answer has not come back yet. */
  private Exchange waiting;
  private boolean held;

  ClientConnection(ProxyState state, Bootstrap upstreamBootstrap,
      InetSocketAddress upstreamAddress) {
    this.state = state;
    this.upstreamBootstrap = upstreamBootstrap;
    this.upstreamAddress = upstreamAddress;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    state.clients().add(ctx.channel());
    if (state.refusing()) {
      ctx.close(); // accepted just before the listener closed
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    ctx.channel().config().setAutoRead(false);
    Exchange exchange = Exchange.of(state.service(), request);
    state.traffic().request(exchange.operation());
    waiting = exchange;
    after(ctx, state.beforeForwardNanos(), () -> forward(ctx, exchange));
  }

  private void forward(ChannelHandlerContext ctx, Exchange exchange) {
    if (!ctx.channel().isActive()) {
      return;
    }
    if (state.noAnswer()) {
      hold(ctx);
      return;
    }
    if (upstream != null && upstream.isActive()) {
      send(ctx, exchange);
      return;
    }
    ChannelFuture connect = upstreamBootstrap.clone(ctx.channel().eventLoop())
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BODY),
                new UpstreamConnection(ClientConnection.this, ctx));
          }
        })
        .connect(upstreamAddress);
    upstream = connect.channel();
    connect.addListener(done -> {
      if (done.isSuccess()) {
        send(ctx, exchange);
      } else {
        lost(ctx);
      }
    });
  }

  private void send(ChannelHandlerContext ctx, Exchange exchange) {
    upstream.writeAndFlush(exchange.upstreamRequest()).addListener(done -> {
      if (!done.isSuccess()) {
        lost(ctx);
      }
    });
  }

  /** The upstream answered; called on this connection's event loop. */
  void answered(ChannelHandlerContext ctx, FullHttpResponse response) {
    Exchange exchange = waiting;
    waiting = null;
    if (exchange == null || held) {
      return;
    }
    byte[] body = ByteBufUtil.getBytes(response.content());
    if (exchange.isWrite()) {
      state.traffic().writeUnits(WriteUnits.reportedIn(
          body, response.headers().get(HttpHeaderNames.CONTENT_ENCODING)));
    }
    FullHttpResponse answer = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, response.status(), Unpooled.wrappedBuffer(body));
    HopByHop.copyEndToEnd(response.headers(), answer.headers());
    answer.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    after(ctx, state.beforeAnswerNanos(), () -> answer(ctx, exchange, answer));
  }

  private void answer(ChannelHandlerContext ctx, Exchange exchange, FullHttpResponse answer) {
    if (!ctx.channel().isActive() || state.noAnswer()) {
      answer.release();
      if (ctx.channel().isActive()) {
        hold(ctx);
      }
      return;
    }
    if (!exchange.keepAlive()) {
      answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.writeAndFlush(answer).addListener(done -> {
      if (done.isSuccess()) {
        ctx.channel().config().setAutoRead(true); // the next request
      } else {
        ctx.close();
      }
    });
  }

  /** An upstream connection closed; if it is the current one, a request waiting lost its answer. */
  void upstreamClosed(ChannelHandlerContext ctx, Channel closed) {
    if (closed != upstream) {
      return;
    }
    upstream = null;
    if (waiting != null) {
      lost(ctx);
    }
  }

  private void lost(ChannelHandlerContext ctx) {
    if (!held) {
      state.traffic().unanswered();
      ctx.close(); // the client sees a cut connection, as from a real network fault
    }
  }

  private void hold(ChannelHandlerContext ctx) {
    if (!held) {
      held = true;
      state.hold(ctx.channel());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (upstream != null) {
      upstream.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private static void after(ChannelHandlerContext ctx, long nanos, Runnable step) {
    if (nanos <= 0) {
      step.run();
    } else {
      ctx.executor().schedule(step, nanos, TimeUnit.NANOSECONDS);
    }
  }
}
