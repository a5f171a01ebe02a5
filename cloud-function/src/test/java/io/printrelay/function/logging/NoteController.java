package io.printrelay.function.logging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A test-only route that logs from the request's own code, where the real controllers do. */
@Controller("/probe/jobs")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "note-probe.enabled", value = "true")
class NoteController {
  private static final Logger LOG = LoggerFactory.getLogger(NoteController.class);

  @Post("/{jobId}/note")
  String note(@PathVariable String jobId) {
    LOG.info("noted on {}", Thread.currentThread().getName());
    return "noted";
  }
}
