package io.printrelay.function.health;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.printrelay.function.problem.Unavailable;
import java.util.List;

/** Public, so load balancers and `printrelay local` can poll it without a key. */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {
  private final List<HealthProbe> probes;

  public HealthController(List<HealthProbe> probes) {
    this.probes = probes;
  }

  @Get
  public HealthStatus health() {
    List<String> down = probes.stream().filter(p -> !p.reachable()).map(HealthProbe::name).toList();
    if (!down.isEmpty()) {
      throw new Unavailable("Cannot reach: " + String.join(", ", down) + ".");
    }
    return new HealthStatus("up");
  }
}
