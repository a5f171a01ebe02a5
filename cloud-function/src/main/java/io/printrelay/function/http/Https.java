package io.printrelay.function.http;

import io.micronaut.http.HttpRequest;

/**
 * Whether a request reached us over HTTPS: the one rule for the session cookies' Secure flag and
 * for HSTS. Behind API Gateway the function sees plain HTTP; the gateway, which serves HTTPS only,
 * says so in {@code X-Forwarded-Proto}. A client talking to the plain-HTTP local server can send
 * that header too, but only to mark its own cookies Secure or receive an HSTS header that browsers
 * ignore over HTTP (RFC 6797 §8.1): nothing it gains.
 */
public final class Https {
  private Https() {}

  public static boolean requested(HttpRequest<?> request) {
    String forwarded = request.getHeaders().get("X-Forwarded-Proto");
    return request.isSecure()
        || (forwarded != null && forwarded.split(",")[0].strip().equalsIgnoreCase("https"));
  }
}
