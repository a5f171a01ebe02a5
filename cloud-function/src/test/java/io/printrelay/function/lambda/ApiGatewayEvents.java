package io.printrelay.function.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * API Gateway HTTP API (payload 2.0) events from {@code src/test/resources/events}, read into the
 * Lambda event class as the Lambda Java runtime does; tokens like {@code JOB_ID} are replaced
 * first.
 */
final class ApiGatewayEvents {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ApiGatewayEvents() {}

  static APIGatewayV2HTTPEvent load(String name, Map<String, String> tokens) {
    try (InputStream in = ApiGatewayEvents.class.getResourceAsStream("/events/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> token : tokens.entrySet()) {
        text = text.replace(token.getKey(), token.getValue());
      }
      return JSON.readValue(text, APIGatewayV2HTTPEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static APIGatewayV2HTTPEvent load(String name) {
    return load(name, Map.of());
  }

  /** The response body as text, decoding it when API Gateway would. */
  static String body(APIGatewayV2HTTPResponse response) {
    String body = response.getBody();
    if (body == null) {
      return "";
    }
    return response.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
        : body;
  }

  static String header(APIGatewayV2HTTPResponse response, String name) {
    if (response.getHeaders() != null) {
      for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue();
        }
      }
    }
    if (response.getMultiValueHeaders() != null) {
      for (var header : response.getMultiValueHeaders().entrySet()) {
        if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
          return header.getValue().get(0);
        }
      }
    }
    return null;
  }
}
