package io.printrelay.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's calls to the API, over HTTP as Odoo and an operator make them: submit and read with
 * the integration key, cancel as the signed-in operator (with the CSRF token).
 */
final class BenchApi {
  private static final String TEMPLATE =
      "^XA^CI28^FO30,30^A0N,40^FD{{product}}^FS^FO30,90^A0N,30^FDBox {{n}} of {{total}}^FS"
          + "^FO30,140^A0N,24^FDBatch {{batch}}^FS^XZ";

  /** Generous: on a busy machine a 100-label submit to the embedded DynamoDB takes seconds. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI baseUrl;
  private final String apiKey;
  private final String operatorPassword;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient operator = HttpClient.newBuilder().cookieHandler(cookies).build();

  BenchApi(URI baseUrl, String apiKey, String operatorPassword) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.operatorPassword = operatorPassword;
  }

  /** A submitted job and when its submit was answered ({@link System#nanoTime()}). */
  record Submitted(String jobId, long answeredAt) {}

  /** The job's progress as the API shows it. */
  record Progress(String status, int printed) {
    boolean finished() {
      return List.of("completed", "failed", "cancelled").contains(status);
    }
  }

  Submitted submit(String printerId, int labels) {
    List<Map<String, Object>> data = new ArrayList<>();
    for (int n = 1; n <= labels; n++) {
      data.add(
          Map.of(
              "data",
              Map.of("product", "Tomato soup 1 L", "n", n, "total", labels, "batch", "MO/BENCH")));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("printerId", printerId);
    body.put("priority", "normal");
    body.put("reference", "bench " + printerId);
    body.put("template", TEMPLATE);
    body.put("labels", data);
    JsonNode job =
        send(
            http,
            keyed("/v1/jobs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                .build(),
            201);
    return new Submitted(job.get("jobId").asText(), System.nanoTime());
  }

  Progress progress(String jobId) {
    JsonNode job = send(http, keyed("/v1/jobs/" + jobId).GET().build(), 200);
    return new Progress(job.get("status").asText(), job.get("printed").asInt());
  }

  /** True once an agent has registered the printer. */
  boolean printerKnown(String printerId) {
    return status(http, keyed("/v1/printers/" + printerId).GET().build()) == 200;
  }

  /** Whether the printer shows a job in progress (its agent reports every change). */
  boolean printerBusy(String printerId) {
    JsonNode printer = send(http, keyed("/v1/printers/" + printerId).GET().build(), 200);
    return !printer.path("currentJobId").isNull();
  }

  /** Cancels as an operator, signing in first if need be; the job stops at a label boundary. */
  void cancel(String jobId) {
    if (csrfToken() == null) {
      int signIn =
          status(
              operator,
              HttpRequest.newBuilder(baseUrl.resolve("/login"))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          bytes(Map.of("username", "operator", "password", operatorPassword))))
                  .build());
      if (signIn != 200 && signIn != 204) {
        throw new IllegalStateException("operator sign-in answered " + signIn);
      }
    }
    status(
        operator,
        HttpRequest.newBuilder(baseUrl.resolve("/v1/jobs/" + jobId + "/cancel"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-CSRF-Token", csrfToken())
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("printrelay_csrf"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private HttpRequest.Builder keyed(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
  }

  private byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode send(HttpClient client, HttpRequest request, int expected) {
    HttpResponse<byte[]> response = exchange(client, request);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body()));
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int status(HttpClient client, HttpRequest request) {
    return exchange(client, request).statusCode();
  }

  private static HttpResponse<byte[]> exchange(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
