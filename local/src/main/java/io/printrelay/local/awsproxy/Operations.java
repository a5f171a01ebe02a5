package io.printrelay.local.awsproxy;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The AWS operation a request calls. The JSON protocols (DynamoDB, and SQS since SDK 2.21) name it
 * in {@code X-Amz-Target: <service>.<operation>}; the SQS query protocol in the {@code Action}
 * parameter of the URL or the form body.
 */
final class Operations {
  static final String UNKNOWN = "(unknown)";
  private static final String TARGET = "X-Amz-Target";
  private static final String FORM = "application/x-www-form-urlencoded";

  private Operations() {}

  static String of(HttpHeaders headers, String uri, byte[] body) {
    String target = headers.get(TARGET);
    if (target != null && !target.isBlank()) {
      return target.substring(target.lastIndexOf('.') + 1);
    }
    String action = action(new QueryStringDecoder(uri));
    String contentType = headers.get("Content-Type", "");
    if (action == null && contentType.startsWith(FORM)) {
      action = action(new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), false));
    }
    return action == null ? UNKNOWN : action;
  }

  private static String action(QueryStringDecoder decoder) {
    List<String> values = decoder.parameters().get("Action");
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
