package io.printrelay.function.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.printrelay.function.problem.ApiProblems;
import io.printrelay.function.problem.Problem;
import io.printrelay.function.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /v1/jobs...}: one job, a list of jobs, a job's labels (a submit is {@code
 * submit.SubmitController}, actions are {@code actions.JobActionsController}). On the blocking
 * pool: the reads are blocking AWS SDK calls, which must never hold a Netty event loop.
 */
@Controller("/v1/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Jobs")
public class JobsController {
  private final ReadJobs readJobs;
  private final ListJobs listJobs;

  public JobsController(ReadJobs readJobs, ListJobs listJobs) {
    this.readJobs = readJobs;
    this.listJobs = listJobs;
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
  @ApiResponse(
      responseCode = "400",
      description = "A pageToken this API did not give",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Operation(
      operationId = "listJobs",
      summary = "Jobs, newest first, a page at a time",
      description =
          "Optionally one printer's, in one status; limit 1-200, default 50. Pass a page's"
              + " nextPageToken as pageToken for the next page; a null nextPageToken ends the"
              + " list, and a page may hold fewer jobs than the limit before that.")
  public JobList list(
      @Nullable @QueryValue String printerId,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String limit,
      @Nullable @QueryValue String pageToken) {
    return listJobs.list(printerId, status, limit, pageToken);
  }

  @Get("/{jobId}/labels")
  @Secured({Roles.INTEGRATION, Roles.OPERATOR, Roles.VIEWER})
  @ApiProblems.ForReads
  @Operation(
      operationId = "listLabels",
      summary = "A job's labels and their state",
      description = "Labels of a resumed or reprinted job name, in source, the label they copy.")
  public LabelList labels(@PathVariable String jobId, @Nullable @QueryValue String status) {
    return readJobs.labels(jobId, status);
  }
}
