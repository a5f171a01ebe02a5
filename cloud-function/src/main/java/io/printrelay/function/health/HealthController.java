package io.printrelay.function.health;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.printrelay.function.problem.Unavailable;
import java.util.List;
import java.util.OptionalInt;

/**
 * Public, so load balancers and `printrelay local` can poll it without a key. Besides up or down it
 * counts the dead-lettered messages, a number without names: something for monitoring to alert on.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {
  private final List<HealthProbe> probes;
  private final DeadLetterCount deadLetters;

  public HealthController(List<HealthProbe> probes, DeadLetterCount deadLetters) {
    this.probes = probes;
    this.deadLetters = deadLetters;
  }

  @Get
  public HealthStatus health() {
    List<String> down = probes.stream().filter(p -> !p.reachable()).map(HealthProbe::name).toList();
    if (!down.isEmpty()) {
      throw new Unavailable("Cannot reach: " + String.join(", ", down) + ".");
    }
    OptionalInt parked = deadLetters.count();
    return new HealthStatus("up", parked.isPresent() ? parked.getAsInt() : null);
  }
}
