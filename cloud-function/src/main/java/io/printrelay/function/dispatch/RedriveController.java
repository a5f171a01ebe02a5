package io.printrelay.function.dispatch;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.printrelay.function.jobs.JobView;
import io.printrelay.function.jobs.ReadJobs;
import io.printrelay.function.problem.ApiProblems;
import io.printrelay.function.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /v1/jobs/{id}/redrive}: operators only; answers the job (200). Takes no body. */
@Controller("/v1/jobs")
@Secured(Roles.OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Job actions")
@ApiProblems.ForChanges
public class RedriveController {
  private final Redrive redrive;
  private final ReadJobs readJobs;

  public RedriveController(Redrive redrive, ReadJobs readJobs) {
    this.redrive = redrive;
    this.readJobs = readJobs;
  }

  @Post("/{jobId}/redrive")
  @Operation(
      operationId = "redriveJob",
      summary = "Send a queued or printing job's message again",
      description =
          "For a job whose message was dead-lettered (deadLettered: true): a new message under"
              + " the next dispatch number; its place in the queue is kept.")
  public JobView redrive(@PathVariable String jobId) {
    return readJobs.view(redrive.redrive(jobId));
  }
}
