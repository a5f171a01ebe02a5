package io.printrelay.function.actions;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.jobs.JobView;
import io.printrelay.function.jobs.ReadJobs;
import io.printrelay.function.problem.ApiProblems;
import io.printrelay.function.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * {@code POST /v1/jobs/{id}/<action>}: operators only. Answers the job (200), or a new job (201
 * with its Location). Actions without arguments take no body, or an empty one, or {@code {}}.
 */
@Controller("/v1/jobs")
@Secured(Roles.OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Job actions")
@ApiProblems.ForChanges
public class JobActionsController {
  private final JobActions actions;
  private final ReadJobs readJobs;
  private final JsonBody reader;

  public JobActionsController(JobActions actions, ReadJobs readJobs, JsonBody reader) {
    this.actions = actions;
    this.readJobs = readJobs;
    this.reader = reader;
  }

  @Post("/{jobId}/pause")
  @Operation(
      operationId = "pauseJob",
      summary = "Pause a queued or printing job",
      description = "A printing job stops at the next label boundary, never inside a label.")
  public JobView pause(@PathVariable String jobId) {
    return readJobs.view(actions.pause().pause(jobId));
  }

  @Post("/{jobId}/resume")
  @Operation(
      operationId = "resumeJob",
      summary = "Resume a job",
      description =
          "A paused job continues in place (200). A failed or cancelled job gets a"
              + " new high-priority job with exactly its labels not printed, in order (201),"
              + " once: the job shows it as resumedAs, and asking again is a 409 naming it;"
              + " 409 when nothing is left.")
  @ApiResponse(
      responseCode = "201",
      description = "A new job, with its Location",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  public HttpResponse<JobView> resume(@PathVariable String jobId) {
    return answer(actions.resume().resume(jobId));
  }

  @Post("/{jobId}/cancel")
  @Operation(
      operationId = "cancelJob",
      summary = "Cancel a queued, paused or printing job",
      description = "A waiting job never prints; a printing job stops at the next label boundary.")
  public JobView cancel(@PathVariable String jobId) {
    return readJobs.view(actions.cancel().cancel(jobId));
  }

  @Post("/{jobId}/reprint")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reprintLabels",
      summary = "Reprint labels of a job",
      description =
          "A new high-priority job with exactly these labels, in this order,"
              + " whatever their state and the job's (201).")
  @ApiResponse(
      responseCode = "201",
      description = "A new job, with its Location",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  public HttpResponse<JobView> reprint(
      HttpRequest<?> request,
      @PathVariable String jobId,
      @RequestBody(content = @Content(schema = @Schema(implementation = ReprintRequest.class)))
          @Body
          byte[] body) {
    return answer(actions.reprint().reprint(jobId, bind(request, body, ReprintRequest.class)));
  }

  @Post("/{jobId}/priority")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changePriority",
      summary = "Move a waiting job to another priority tier",
      description =
          "A queued job joins the end of the new tier; a paused one only records it"
              + " and joins that tier when resumed.")
  public JobView priority(
      HttpRequest<?> request,
      @PathVariable String jobId,
      @RequestBody(content = @Content(schema = @Schema(implementation = PriorityRequest.class)))
          @Body
          byte[] body) {
    return readJobs.view(
        actions.priority().change(jobId, bind(request, body, PriorityRequest.class)));
  }

  private <T> T bind(HttpRequest<?> request, byte[] body, Class<T> type) {
    return reader.bindFields(reader.read(request, body, "the arguments"), type);
  }

  private HttpResponse<JobView> answer(ActionOutcome outcome) {
    JobView view = readJobs.view(outcome.job());
    return outcome.created()
        ? HttpResponse.created(view, URI.create("/v1/jobs/" + view.jobId()))
        : HttpResponse.ok(view);
  }
}
