package io.printrelay.function.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * A request as API Gateway's HTTP API hands it to the handler (payload 2.0), for requests the
 * function makes to itself: SnapStart priming, and the probes that run the Lambda jar outside
 * Lambda (the cold-start bench, the jar's smoke test).
 */
public final class HttpApiRequests {
  private HttpApiRequests() {}

  /**
   * @param headers lower-case names, as API Gateway passes them
   * @param body the body as text, or null for none
   */
  public static APIGatewayV2HTTPEvent request(
      String method, String path, Map<String, String> headers, @Nullable String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("$default")
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withStage("$default")
                .withRequestId("internal")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("127.0.0.1")
                        .build())
                .build())
        .build();
  }
}
