package io.printrelay.local;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Calls the running API over HTTP as Odoo would, with the local integration key. */
final class ApiClient {
  private final URI baseUrl;
  private final String apiKey;
  private final JsonMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  ApiClient(URI baseUrl, String apiKey, JsonMapper json) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.json = json;
  }

  record Response(int status, Map<String, Object> body) {}

  Response post(String path, Object body) {
    try {
      return send(
          request(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> get(String path) {
    Response response = send(request(path).GET().build());
    if (response.status() != 200) {
      throw new AssertionError("GET " + path + " answered " + response);
    }
    return response.body();
  }

  Map<String, Object> job(String jobId) {
    return get("/v1/jobs/" + jobId);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> labels(String jobId) {
    return (List<Map<String, Object>>) get("/v1/jobs/" + jobId + "/labels").get("labels");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
  }

  @SuppressWarnings("unchecked")
  private Response send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Map<String, Object> body =
          response.body().length == 0 ? Map.of() : json.readValue(response.body(), Map.class);
      return new Response(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
