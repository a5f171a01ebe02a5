package io.printrelay.function.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.printrelay.function.testing.ApiClient;
import io.printrelay.function.testing.ApiClient.Reply;
import java.util.List;

/** What a browser holds after signing in: the two cookies, sent back as a browser would. */
record SignedInBrowser(String session, String csrf) {
  static SignedInBrowser signIn(ApiClient api, String username, String password) {
    Reply reply = api.send(login(username, password));
    assertThat(reply.status()).as("sign-in of " + username).isEqualTo(200);
    return new SignedInBrowser(
        cookie(reply, SessionCookies.SESSION), cookie(reply, SessionCookies.CSRF));
  }

  static MutableHttpRequest<?> login(String username, String password) {
    return HttpRequest.POST(
            "/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
        .contentType(MediaType.APPLICATION_JSON);
  }

  /** The Set-Cookie header that sets this cookie. */
  static String setCookie(Reply reply, String name) {
    List<String> all = reply.headers("Set-Cookie");
    return all.stream()
        .filter(header -> header.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + all));
  }

  static String cookie(Reply reply, String name) {
    String header = setCookie(reply, name);
    return header.substring(name.length() + 1, header.indexOf(';'));
  }

  /** The request with the cookies, as for a read. */
  <T> MutableHttpRequest<T> withSession(MutableHttpRequest<T> request) {
    return request.header(
        "Cookie", SessionCookies.SESSION + "=" + session + "; " + SessionCookies.CSRF + "=" + csrf);
  }

  /** The request as the web view sends a change: cookies and the CSRF header. */
  <T> MutableHttpRequest<T> changing(MutableHttpRequest<T> request) {
    return withSession(request).header(SessionCookies.CSRF_HEADER, csrf);
  }
}
