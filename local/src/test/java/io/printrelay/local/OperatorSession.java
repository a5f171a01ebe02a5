package io.printrelay.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An operator signed in over HTTP, outside the browser: job and printer actions are for operators
 * only (the integration key gets 403), so tests use this to set the scene and to tidy up after
 * themselves without depending on the page they test. Sends the CSRF token as the page does.
 */
final class OperatorSession {
  private final URI baseUrl;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  private OperatorSession(URI baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  static OperatorSession signIn(URI baseUrl, String username, String password) {
    OperatorSession session = new OperatorSession(baseUrl);
    String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    int status =
        session.send(
            HttpRequest.newBuilder(baseUrl.resolve("/login"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (status != 200 && status != 204) {
      throw new IllegalStateException("operator sign-in answered " + status);
    }
    return session;
  }

  /** POSTs {@code {}} to an action path; answers the HTTP status. */
  int post(String path) {
    return act(path).status();
  }

  /** What an action answered: its status and its body (a job, or a problem), as text. */
  record Answer(int status, String body) {}

  /** POSTs {@code {}} to an action path. */
  Answer act(String path) {
    return exchange(
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-CSRF-Token", csrfToken())
            .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8))
            .build());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("printrelay_csrf"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no CSRF cookie"));
  }

  private int send(HttpRequest request) {
    return exchange(request).status();
  }

  private Answer exchange(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(request, (name, value) -> true)
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
