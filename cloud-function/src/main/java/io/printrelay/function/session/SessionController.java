package io.printrelay.function.session;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.http.SourceAddress;
import io.printrelay.function.problem.ApiProblems;
import io.printrelay.function.problem.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Signing in and out of the web view, and who the caller is. On the blocking pool: checking a
 * password is deliberately slow (PBKDF2) and must never hold an event loop.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
public class SessionController {
  static final String LOGIN = "/login";

  static final String LOGOUT_EVERYWHERE = "/logout-everywhere";

  private final SignIn signIn;
  private final SignOutEverywhere signOutEverywhere;
  private final SessionCookies cookies;
  private final JsonBody reader;

  public SessionController(
      SignIn signIn, SignOutEverywhere signOutEverywhere, SessionCookies cookies, JsonBody reader) {
    this.signIn = signIn;
    this.signOutEverywhere = signOutEverywhere;
    this.cookies = cookies;
    this.reader = reader;
  }

  @Post(LOGIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Secured(SecurityRule.IS_ANONYMOUS)
  @ApiProblems.ForChanges
  @ApiResponse(
      responseCode = "429",
      description =
          "Too many failed sign-ins for this user name or from this address: wait Retry-After"
              + " seconds",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Operation(
      operationId = "signIn",
      summary = "Sign in to the web view",
      description =
          "Sets the session cookie (HttpOnly) and the printrelay_csrf cookie, whose"
              + " value every change made with the session must send as X-CSRF-Token. After 5"
              + " failures for a user name in 15 minutes (20 from one address), attempts wait"
              + " (429 with Retry-After): 1 minute, doubling with each further failure, up to 15.")
  public HttpResponse<Me> login(
      HttpRequest<?> request,
      @RequestBody(content = @Content(schema = @Schema(implementation = Credentials.class))) @Body
          byte[] body) {
    SignIn.SignedIn signedIn =
        signIn.signIn(
            reader.bindFields(reader.read(request, body, "the credentials"), Credentials.class),
            SourceAddress.of(request));
    Session session = signedIn.session();
    MutableHttpResponse<Me> response =
        HttpResponse.ok(new Me(session.username(), List.of(session.role())));
    cookies.issue(request, signedIn.token(), session).forEach(response::cookie);
    return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Post("/logout")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(operationId = "signOut", summary = "Sign out: clears the session cookies")
  public HttpResponse<Void> logout(HttpRequest<?> request) {
    MutableHttpResponse<Void> response = HttpResponse.noContent();
    cookies.clear(request).forEach(response::cookie);
    return response;
  }

  @Post(LOGOUT_EVERYWHERE)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @ApiProblems.ForReads
  @Operation(
      operationId = "signOutEverywhere",
      summary = "Sign out everywhere: ends every session of the signed-in account",
      description =
          "Every session the account opened so far, on any device, stops working; this browser's"
              + " cookies are cleared too. Needs X-CSRF-Token like every change; an API key gets"
              + " 403.")
  public HttpResponse<Void> logoutEverywhere(HttpRequest<?> request, Authentication caller) {
    signOutEverywhere.signOut(caller);
    MutableHttpResponse<Void> response = HttpResponse.noContent();
    cookies.clear(request).forEach(response::cookie);
    return response;
  }

  @Get("/v1/me")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @ApiProblems.ForReads
  @Operation(
      operationId = "whoAmI",
      summary = "Who the caller is: a signed-in operator or an API key, and its roles")
  public HttpResponse<Me> me(Authentication caller) {
    return HttpResponse.ok(new Me(caller.getName(), List.copyOf(caller.getRoles())))
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
