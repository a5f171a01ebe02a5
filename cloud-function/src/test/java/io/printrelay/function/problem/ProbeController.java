package io.printrelay.function.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;

/**
 * Test-only routes that make Micronaut itself fail (a typed JSON body it cannot read) or throw what
 * production code might, to see every such error leave as a problem: here a refusal of the state
 * machine that names no job.
 */
@Controller("/probe")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "probe.enabled", value = "true")
class ProbeController {
  @Serdeable
  record Payload(int count) {}

  @Post("/typed")
  Payload typed(@Body Payload payload) {
    return payload;
  }

  @Get("/crash")
  String crash() {
    throw new IllegalStateException("secret internals: table prod-jobs");
  }

  @Get("/illegal-move")
  String illegalMove() {
    JobEvent.RESUME.apply(JobStatus.COMPLETED);
    return "unreachable";
  }
}
