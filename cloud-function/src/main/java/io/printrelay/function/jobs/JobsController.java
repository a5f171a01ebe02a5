package io.printrelay.function.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.printrelay.function.problem.ApiProblems;
import io.printrelay.function.problem.Problem;
import io.printrelay.function.problem.UnsupportedMediaType;
import io.printrelay.function.security.Roles;
import io.printrelay.function.submit.JsonBodyReader;
import io.printrelay.function.submit.SubmitJob;
import io.printrelay.function.submit.SubmitOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * {@code /v1/jobs}: HTTP in, one use-case call, a view out. Runs on the blocking pool: the use
 * cases make blocking AWS SDK calls, which must never hold a Netty event loop.
 */
@Controller("/v1/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Jobs")
public class JobsController {
  private final JsonBodyReader reader;
  private final SubmitJob submitJob;
  private final ReadJobs readJobs;

  public JobsController(JsonBodyReader reader, SubmitJob submitJob, ReadJobs readJobs) {
    this.reader = reader;
    this.submitJob = submitJob;
    this.readJobs = readJobs;
  }

  /** The body is read as bytes so that size and JSON errors are ours to report, on Lambda too. */
  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Secured(Roles.INTEGRATION)
  @ApiProblems.ForChanges
  @Operation(operationId = "submitJob", summary = "Submit a print job",
      description = "201 with the job and its Location; the same Idempotency-Key again answers"
          + " the same job (200) for at least 24 h.")
  @ApiResponse(responseCode = "201", description = "The job, stored and queued",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  @ApiResponse(responseCode = "413", description = "A body over 5 MiB",
      content = @Content(mediaType = Problem.MEDIA_TYPE,
          schema = @Schema(implementation = Problem.class)))
  public HttpResponse<JobView> submit(
      HttpRequest<?> request,
      @RequestBody(required = true,
          content = @Content(schema = @Schema(implementation = SubmitRequest.class)))
          @Nullable @Body byte[] body,
      @Nullable @Header("Idempotency-Key") String idempotencyKey,
      Authentication caller) {
    if (request.getContentType().isEmpty()) {
      throw new UnsupportedMediaType("Send the job as Content-Type: application/json.");
    }
    SubmitOutcome outcome = submitJob.submit(caller.getName(), reader.read(body), idempotencyKey);
    JobView view = readJobs.view(outcome.job());
    return outcome.created()
        ? HttpResponse.created(view, URI.create("/v1/jobs/" + view.jobId()))
        : HttpResponse.ok(view);
  }

  @Get("/{jobId}")
  @Secured({Roles.INTEGRATION, Roles.OPERATOR, Roles.VIEWER})
  @ApiProblems.ForReads
  @Operation(operationId = "getJob", summary = "One job, with its progress")
  public JobView job(@PathVariable String jobId) {
    return readJobs.job(jobId);
  }

  @Get
  @Secured({Roles.INTEGRATION, Roles.OPERATOR, Roles.VIEWER})
  @ApiProblems.ForReads
  @Operation(operationId = "listJobs", summary = "Jobs, newest first",
      description = "Optionally one printer's, in one status; limit 1-200, default 50.")
  public JobList list(
      @Nullable @QueryValue String printerId,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String limit) {
    return readJobs.list(printerId, status, limit);
  }

  @Get("/{jobId}/labels")
  @Secured({Roles.INTEGRATION, Roles.OPERATOR, Roles.VIEWER})
  @ApiProblems.ForReads
  @Operation(operationId = "listLabels", summary = "A job's labels and their state",
      description = "Labels of a resumed or reprinted job name, in source, the label they copy.")
  public LabelList labels(@PathVariable String jobId, @Nullable @QueryValue String status) {
    return readJobs.labels(jobId, status);
  }
}
