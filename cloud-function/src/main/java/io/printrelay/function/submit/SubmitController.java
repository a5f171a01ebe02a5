package io.printrelay.function.submit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.intake.SubmitOutcome;
import io.printrelay.function.jobs.JobView;
import io.printrelay.function.jobs.ReadJobs;
import io.printrelay.function.problem.ApiProblems;
import io.printrelay.function.problem.Problem;
import io.printrelay.function.security.Roles;
import io.printrelay.function.security.Submitter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * {@code POST /v1/jobs}: HTTP in, one use-case call, the job's view out. On the blocking pool: the
 * use case makes blocking AWS SDK calls, which must never hold a Netty event loop.
 */
@Controller("/v1/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Jobs")
public class SubmitController {
  private final JsonBody body;
  private final SubmitJob submitJob;
  private final ReadJobs readJobs;

  public SubmitController(JsonBody body, SubmitJob submitJob, ReadJobs readJobs) {
    this.body = body;
    this.submitJob = submitJob;
    this.readJobs = readJobs;
  }

  /** The body is read as bytes so that size and JSON errors are ours to report, on Lambda too. */
  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Secured(Roles.INTEGRATION)
  @ApiProblems.ForChanges
  @Operation(
      operationId = "submitJob",
      summary = "Submit a print job",
      description =
          "201 with the job and its Location; the same Idempotency-Key with the same request"
              + " answers the same job (200) for 48 h, with another request 422.")
  @ApiResponse(
      responseCode = "201",
      description = "The job, stored and queued",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  @ApiResponse(
      responseCode = "413",
      description = "A body over 5 MiB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public HttpResponse<JobView> submit(
      HttpRequest<?> request,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = SubmitRequest.class)))
          @Body
          byte[] bytes,
      @Nullable @Header("Idempotency-Key") String idempotencyKey,
      Authentication caller) {
    SubmitRequest job = body.bind(body.read(request, bytes, "the job"), SubmitRequest.class);
    SubmitOutcome outcome = submitJob.submit(Submitter.of(caller), job, idempotencyKey);
    JobView view = readJobs.view(outcome.job());
    return outcome.created()
        ? HttpResponse.created(view, URI.create("/v1/jobs/" + view.jobId()))
        : HttpResponse.ok(view);
  }
}
