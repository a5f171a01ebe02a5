package io.printrelay.function.webhooks;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.printrelay.function.http.Https;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.problem.ProblemResponses;
import io.printrelay.function.problem.UnsupportedMediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;

/**
 * {@code POST /v1/intake/odoo/{token}}: where Odoo's "Send Webhook Notification" posts. The token
 * in the path is the only credential (Odoo's webhook sends no headers of ours); an unknown one is a
 * bare 404, telling nothing. Any content type is routed here, so that a wrong token is a 404
 * whatever it sends; past the token, only JSON is read.
 */
@Controller(OdooWebhookController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Intake")
public class OdooWebhookController {
  static final String PATH = "/v1/intake/odoo";

  private final WebhookIntake intake;
  private final TokenRateLimit rateLimit;
  private final JsonBody body;
  private final ProblemResponses problems;

  public OdooWebhookController(
      WebhookIntake intake, TokenRateLimit rateLimit, JsonBody body, ProblemResponses problems) {
    this.intake = intake;
    this.rateLimit = rateLimit;
    this.body = body;
    this.problems = problems;
  }

  @Post("/{token}")
  @Consumes(MediaType.ALL)
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(
      operationId = "odooWebhook",
      summary = "Receive Odoo's webhook for the profile the token opens",
      description =
          "202 with the event: recorded once per record state, its jobs made through the submit"
              + " path. 404 with no body for an unknown token.")
  @ApiResponse(responseCode = "202", description = "The event, as recorded")
  @ApiResponse(responseCode = "404", description = "No profile has this token")
  @ApiResponse(responseCode = "429", description = "Too many calls with this token this minute")
  public HttpResponse<?> receive(
      HttpRequest<?> request, @PathVariable String token, @Body byte[] bytes) {
    Optional<IntakeProfile> profile = intake.profileOf(token);
    if (profile.isEmpty()) {
      return HttpResponse.notFound();
    }
    long wait = rateLimit.acquire(profile.get().tokenSha256());
    if (wait > 0) {
      return problems
          .respond(
              request,
              HttpStatus.TOO_MANY_REQUESTS,
              "More than " + TokenRateLimit.PER_MINUTE + " calls a minute with this token")
          .header(HttpHeaders.RETRY_AFTER, Long.toString(wait));
    }
    if (request.getContentType().filter(MediaType.APPLICATION_JSON_TYPE::matches).isEmpty()) {
      throw new UnsupportedMediaType("Send the webhook as Content-Type: application/json.");
    }
    byte[] sent = bytes == null ? new byte[0] : bytes;
    ProfileStore.Recorded recorded =
        intake.receive(
            profile.get(), body.read(request, sent, "the webhook"), sent, baseUrl(request));
    return HttpResponse.accepted().body(EventView.of(recorded.event(), !recorded.fresh()));
  }

  /** The API's URL as this call reached it, for the links in status reports to Odoo. */
  private static String baseUrl(HttpRequest<?> request) {
    String host = request.getHeaders().get(HttpHeaders.HOST);
    return host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")
        ? null
        : (Https.requested(request) ? "https://" : "http://") + host;
  }
}
