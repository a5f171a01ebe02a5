package io.printrelay.function.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.printrelay.function.config.SessionSettings;
import io.printrelay.function.http.Https;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The two cookies of a sign-in. {@code printrelay_session} holds the signed session: HttpOnly, so
 * no script can read it. {@code printrelay_csrf} holds the same CSRF token as the session, readable
 * by the page's script, which echoes it in {@code X-CSRF-Token}: a cross-site page can make the
 * browser send the cookies but cannot read them (double-submit, bound to the signed session). Both
 * are SameSite=Strict, Path=/, and Secure whenever the request came over HTTPS.
 */
@Singleton
public class SessionCookies {
  public static final String SESSION = "printrelay_session";
  public static final String CSRF = "printrelay_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final SessionSettings settings;

  public SessionCookies(SessionSettings settings) {
    this.settings = settings;
  }

  /** Both cookies, kept by the browser as long as the session is valid (its lifetime). */
  public List<Cookie> issue(HttpRequest<?> request, String token, Session session) {
    Duration maxAge = settings.lifetime();
    return List.of(
        cookie(request, SESSION, token, maxAge).httpOnly(true),
        cookie(request, CSRF, session.csrfToken(), maxAge).httpOnly(false));
  }

  /** Expired copies of both, which make the browser forget them. */
  public List<Cookie> clear(HttpRequest<?> request) {
    return List.of(
        cookie(request, SESSION, "", Duration.ZERO).httpOnly(true),
        cookie(request, CSRF, "", Duration.ZERO).httpOnly(false));
  }

  public static Optional<String> sessionToken(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(SESSION)
        .map(Cookie::getValue)
        .filter(value -> !value.isBlank());
  }

  private Cookie cookie(HttpRequest<?> request, String name, String value, Duration maxAge) {
    return Cookie.of(name, value)
        .path("/")
        .sameSite(SameSite.Strict)
        .maxAge(maxAge)
        .secure(secure(request));
  }

  private boolean secure(HttpRequest<?> request) {
    return settings.secure() != null ? settings.secure() : Https.requested(request);
  }
}
