package io.printrelay.function.dispatch;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `printrelay local` runs the sweep on a timer; everywhere else it is off. */
class DispatchSweepRunnerTest {

  @Test
  void whenEnabledTheSweepRunsOnItsInterval() {
    Sandbox sandbox = EmbeddedSandbox.newSandbox();
    Map<String, Object> properties = sandbox.properties();
    properties.put("printrelay.dispatch-sweep.enabled", "true");
    properties.put("printrelay.dispatch-sweep.interval", "200ms");
    properties.put("printrelay.dispatch-sweep.grace", "0s");
    sandbox.store(aJob().createdAt(Instant.now().minusSeconds(1)).undispatched(0));

    try (ApplicationContext context = ApplicationContext.run(properties)) {
      assertThat(context.containsBean(DispatchSweepRunner.class)).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.messagesWaiting() == 1);
    }
  }

  @Test
  void byDefaultThereIsNoTimer() {
    try (ApplicationContext context = ApplicationContext.run()) {
      assertThat(context.containsBean(DispatchSweepRunner.class)).isFalse();
    }
  }
}
