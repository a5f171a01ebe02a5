package io.printrelay.function.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Calls the API over HTTP and hands back status, headers and body as a JSON tree, whatever the
 * status: tests assert on problems as much as on successes.
 */
public final class ApiClient {
  private final BlockingHttpClient http;
  private final JsonMapper json;

  public ApiClient(BlockingHttpClient http, JsonMapper json) {
    this.http = http;
    this.json = json;
  }

  public Reply submit(String body) {
    return send(
        withKey(HttpRequest.POST("/v1/jobs", body).contentType(MediaType.APPLICATION_JSON)));
  }

  public Reply get(String path) {
    return send(withKey(HttpRequest.GET(path)));
  }

  /** An action with no body, as an operator's API key. */
  public Reply act(String path) {
    return send(HttpRequest.POST(path, new byte[0]).bearerAuth(EmbeddedSandbox.OPERATOR_KEY));
  }

  /** An action with a JSON body, as an operator's API key. */
  public Reply act(String path, String json) {
    return send(
        HttpRequest.POST(path, json)
            .contentType(MediaType.APPLICATION_JSON)
            .bearerAuth(EmbeddedSandbox.OPERATOR_KEY));
  }

  public static <T> MutableHttpRequest<T> withKey(MutableHttpRequest<T> request) {
    return request.bearerAuth(EmbeddedSandbox.INTEGRATION_KEY);
  }

  public Reply send(MutableHttpRequest<?> request) {
    HttpResponse<?> response;
    try {
      response = http.exchange(request, Argument.of(byte[].class), Argument.of(byte[].class));
    } catch (HttpClientResponseException error) {
      response = error.getResponse();
    }
    byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
    return new Reply(response, body.length == 0 ? null : parse(body));
  }

  private JsonNode parse(byte[] body) {
    try {
      return json.readValue(body, JsonNode.class);
    } catch (IOException | RuntimeException notJson) {
      return JsonNode.createStringNode(new String(body, StandardCharsets.UTF_8));
    }
  }

  /** A response with its body read as JSON (or as a string node when it is not JSON). */
  public record Reply(HttpResponse<?> response, JsonNode body) {
    public int status() {
      return response.code();
    }

    public String header(String name) {
      return response.getHeaders().get(name);
    }

    public java.util.List<String> headers(String name) {
      return response.getHeaders().getAll(name);
    }

    public String text(String field) {
      JsonNode node = body.get(field);
      return node == null || node.isNull() ? null : node.coerceStringValue();
    }
  }
}
