/**
 * Operator sign-in for the web view: {@code POST /login}, {@code POST /logout}, {@code POST
 * /logout-everywhere}, {@code GET /v1/me}, an HMAC-signed session cookie (HttpOnly,
 * SameSite=Strict, Secure over HTTPS) and a CSRF token required on every change a session makes.
 * API keys never pass through here, and a session never through the bearer-key fetcher.
 */
package io.printrelay.function.session;
