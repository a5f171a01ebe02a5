package io.printrelay.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The HTTP API's Lambda handler: {@code io.printrelay.function.lambda.ApiGatewayHandler}. It is
 * Micronaut's payload 2.0 function plus the cookie handling that function lacks (as of
 * micronaut-function-aws-api-proxy 4.11): in payload 2.0, API Gateway moves the request's cookies
 * out of the headers into a {@code cookies} array, and takes response cookies only from a {@code
 * cookies} array, ignoring {@code multiValueHeaders} and joining repeated headers with commas,
 * which would merge two Set-Cookie headers into one broken one.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
public final class ApiGatewayHandler extends APIGatewayV2HTTPEventFunction implements Resource {
  private static final String SET_COOKIE = "set-cookie";

  /**
   * Used by the Lambda runtime: builds and starts the application context, and asks to be primed
   * before a SnapStart snapshot (the runtime keeps this handler, so the registration lives on).
   */
  public ApiGatewayHandler() {
    Core.getGlobalContext().register(this);
  }

  /** Used by tests: runs in the given context. */
  public ApiGatewayHandler(ApplicationContext context) {
    super(context);
  }

  /** SnapStart: run what a submit runs once, writing nothing, so the restored function is warm. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    SnapStartPriming.prime(this, getApplicationContext());
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to renew: the AWS SDK replaces connections that did not survive the snapshot.
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    APIGatewayV2HTTPResponse response = super.handleRequest(withCookieHeader(event), context);
    moveSetCookies(response);
    return response;
  }

  // The event's cookies back into one Cookie header (RFC 6265 §5.4), where Micronaut reads them.
  static APIGatewayV2HTTPEvent withCookieHeader(APIGatewayV2HTTPEvent event) {
    List<String> cookies = event.getCookies();
    if (cookies == null || cookies.isEmpty()) {
      return event;
    }
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event
          .getHeaders()
          .forEach(
              (name, value) -> {
                if (!name.equalsIgnoreCase("cookie")) {
                  headers.put(name, value);
                }
              });
    }
    headers.put("cookie", String.join("; ", cookies));
    event.setHeaders(headers);
    return event;
  }

  static void moveSetCookies(APIGatewayV2HTTPResponse response) {
    List<String> cookies = new ArrayList<>();
    Map<String, List<String>> multi = new HashMap<>();
    if (response.getMultiValueHeaders() != null) {
      response
          .getMultiValueHeaders()
          .forEach(
              (name, values) -> {
                if (name.equalsIgnoreCase(SET_COOKIE)) {
                  cookies.addAll(values);
                } else {
                  multi.put(name, values);
                }
              });
    }
    Map<String, String> single = new HashMap<>();
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach(
              (name, value) -> {
                if (!name.equalsIgnoreCase(SET_COOKIE)) {
                  single.put(name, value);
                } else if (response.getMultiValueHeaders() == null) {
                  cookies.add(value);
                }
              });
    }
    if (!cookies.isEmpty()) {
      response.setHeaders(single);
      response.setMultiValueHeaders(multi);
      response.setCookies(cookies);
    }
  }
}
