package io.printrelay.local;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
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
 * `--demo`: submits a 200-label job through the public API, exactly as Odoo would, and shows its
 * progress on the terminal until it ends.
 */
final class Demo {
  static final int LABELS = 200;
  private static final String TEMPLATE =
      "^XA^CI28^FO30,30^A0N,40^FD{{product}}^FS^FO30,90^A0N,30^FDBox {{n}} of {{total}}^FS"
          + "^FO30,140^A0N,24^FDBatch {{batch}}^FS^XZ";

  private final URI baseUrl;
  private final String apiKey;
  private final JsonMapper json;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();

  Demo(URI baseUrl, String apiKey, JsonMapper json, PrintStream out) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.json = json;
    this.out = out;
  }

  /** Submits the job and reports until it is final; returns its last state. */
  Map<String, Object> run(String printerId) throws IOException, InterruptedException {
    Map<String, Object> job = submit(printerId);
    String jobId = (String) job.get("jobId");
    out.printf("demo: submitted job %s (%s labels) to %s%n", jobId, LABELS, printerId);
    String last = "";
    while (true) {
      job = get("/v1/jobs/" + jobId);
      String line = progressLine(job);
      if (!line.equals(last)) {
        out.println(line);
        last = line;
      }
      if (List.of("completed", "failed", "cancelled").contains(job.get("status"))) {
        return job;
      }
      Thread.sleep(500); // a terminal refresh rate, not synchronisation
    }
  }

  static String progressLine(Map<String, Object> job) {
    int total = ((Number) job.get("total")).intValue();
    int printed = ((Number) job.get("printed")).intValue();
    int width = 30;
    int filled = total == 0 ? 0 : printed * width / total;
    return String.format(
        "demo: [%s%s] %d of %d printed (%s)",
        "#".repeat(filled), ".".repeat(width - filled), printed, total, job.get("status"));
  }

  private Map<String, Object> submit(String printerId) throws IOException, InterruptedException {
    List<Map<String, Object>> labels = new ArrayList<>();
    for (int n = 1; n <= LABELS; n++) {
      labels.add(
          Map.of(
              "data",
              Map.of(
                  "product",
                  "Tomato soup 1 L",
                  "n",
                  Integer.toString(n),
                  "total",
                  Integer.toString(LABELS),
                  "batch",
                  "MO/00042")));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("printerId", printerId);
    body.put("reference", "MO/00042 (demo)");
    body.put("template", TEMPLATE);
    body.put("labels", labels);
    HttpRequest request =
        authorized("/v1/jobs")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build();
    return send(request, 201);
  }

  private Map<String, Object> get(String path) throws IOException, InterruptedException {
    return send(authorized(path).GET().build(), 200);
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> send(HttpRequest request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != expected) {
      throw new IOException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body()));
    }
    return json.readValue(response.body(), Map.class);
  }
}
