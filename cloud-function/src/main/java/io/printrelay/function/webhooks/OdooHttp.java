package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP both of Odoo's external APIs ride on: a JSON {@code POST} to a path under the database's
 * URL. "Unreachable" means no answer came (no connection, a timeout); any answer, whatever its
 * status, is the caller's to judge.
 */
final class OdooHttp {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final OutboundAddresses outbound;

  OdooHttp(JsonMapper json, OutboundAddresses outbound) {
    this.json = json;
    this.outbound = outbound;
  }

  /** An answer: its status, and its body as JSON (null when it holds none). */
  record Answer(int status, @Nullable JsonNode body) {}

  /**
   * @throws OdooReader.Refused when a header's value cannot be sent (an API key pasted with its
   *     line break), or the URL names an address the function does not call
   */
  Answer post(String url, String path, Map<String, String> headers, JsonNode body)
      throws OdooReader.Unreachable, OdooReader.Refused {
    URI endpoint = endpoint(url, path);
    Optional<String> refusal = outbound.refusal(endpoint);
    if (refusal.isPresent()) {
      throw new OdooReader.Refused("odoo.url: " + refusal.get());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "printrelay");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      try {
        request.header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException unsendable) {
        throw new OdooReader.Refused(
            header.getKey()
                + " cannot carry the profile's value: a line break or control"
                + " character in the API key or database?");
      }
    }
    HttpResponse<byte[]> response;
    try {
      request.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new OdooReader.Unreachable("Odoo at " + url + " cannot be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OdooReader.Unreachable("interrupted while calling Odoo");
    }
    return new Answer(response.statusCode(), parse(response.body()));
  }

  private @Nullable JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : json.readValue(body, JsonNode.class);
    } catch (IOException | RuntimeException notJson) {
      // Odoo answers HTML for errors raised before its dispatcher (no such database, a proxy).
      return null;
    }
  }

  private static URI endpoint(String url, String path) throws OdooReader.Unreachable {
    try {
      String base = url.endsWith("/") ? url : url + "/";
      return URI.create(base).resolve(path);
    } catch (IllegalArgumentException e) {
      throw new OdooReader.Unreachable("Odoo's URL " + url + " is no URL, or " + path + " no path");
    }
  }
}
