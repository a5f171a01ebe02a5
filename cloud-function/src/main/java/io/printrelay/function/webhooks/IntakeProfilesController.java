package io.printrelay.function.webhooks;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.problem.ApiProblems;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * {@code /v1/intake/profiles}: operators manage the profiles that turn Odoo's webhooks into jobs,
 * and read what became of each webhook (docs/api.md#intake-profiles).
 */
@Controller("/v1/intake/profiles")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.OPERATOR)
@Tag(name = "Intake")
public class IntakeProfilesController {
  private final ProfileAdmin admin;
  private final JsonBody body;

  public IntakeProfilesController(ProfileAdmin admin, JsonBody body) {
    this.admin = admin;
    this.body = body;
  }

  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiProblems.ForChanges
  @Operation(
      operationId = "createIntakeProfile",
      summary = "Create an intake profile",
      description = "201 with the profile and its token, shown this once.")
  public HttpResponse<ProfileView> create(
      HttpRequest<?> request,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ProfileSettings.class)))
          @Body
          byte[] bytes) {
    ProfileView created = admin.create(settings(request, bytes));
    return HttpResponse.created(created, URI.create("/v1/intake/profiles/" + created.profileId()));
  }

  @Get
  @ApiProblems.ForReads
  @Operation(operationId = "listIntakeProfiles", summary = "Every intake profile, by name")
  public ProfileList list() {
    return admin.list();
  }

  @Get("/{profileId}")
  @ApiProblems.ForReads
  @Operation(operationId = "getIntakeProfile", summary = "One intake profile (no token)")
  public ProfileView profile(@PathVariable String profileId) {
    return admin.profile(profileId);
  }

  @Put("/{profileId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @ApiProblems.ForChanges
  @Operation(
      operationId = "changeIntakeProfile",
      summary = "Replace a profile's settings; its token stays")
  public ProfileView change(
      HttpRequest<?> request,
      @PathVariable String profileId,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ProfileSettings.class)))
          @Body
          byte[] bytes) {
    return admin.change(profileId, settings(request, bytes));
  }

  @Post("/{profileId}/rotate-token")
  @ApiProblems.ForChanges
  @Operation(
      operationId = "rotateIntakeToken",
      summary = "A new token for the profile, shown this once; the old one stops working")
  public ProfileView rotate(@PathVariable String profileId) {
    return admin.rotate(profileId);
  }

  @Delete("/{profileId}")
  @ApiProblems.ForChanges
  @Operation(operationId = "deleteIntakeProfile", summary = "Delete a profile and its token")
  public HttpResponse<Void> delete(@PathVariable String profileId) {
    admin.delete(profileId);
    return HttpResponse.noContent();
  }

  @Get("/{profileId}/events")
  @ApiProblems.ForReads
  @Operation(
      operationId = "listIntakeEvents",
      summary = "The profile's newest webhook events first, with what became of each")
  public EventList events(
      @PathVariable String profileId, @QueryValue(defaultValue = "50") String limit) {
    int parsed;
    try {
      parsed = Integer.parseInt(limit);
    } catch (NumberFormatException notANumber) {
      parsed = 0;
    }
    if (parsed < 1 || parsed > ProfileAdmin.MAX_EVENTS) {
      throw InvalidInput.of("limit", "must be 1 to " + ProfileAdmin.MAX_EVENTS);
    }
    return admin.events(profileId, parsed);
  }

  private ProfileSettings settings(HttpRequest<?> request, byte[] bytes) {
    return body.bind(body.read(request, bytes, "the profile"), ProfileSettings.class);
  }
}
