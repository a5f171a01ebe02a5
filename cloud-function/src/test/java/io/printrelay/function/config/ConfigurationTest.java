package io.printrelay.function.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.printrelay.function.security.ApiKey;
import io.printrelay.function.security.ApiKeyRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
  private static final String HASH_A = ApiKeyRegistry.sha256Hex("key-a");
  private static final String HASH_B = ApiKeyRegistry.sha256Hex("key-b");

  @Test
  void namedKeysKeepTheirRolesAndDefaultToIntegration() {
    try (ApplicationContext context = ApplicationContext.run(Map.of("printrelay.api-keys", List.of(
        Map.of("name", "odoo", "sha256", HASH_A),
        Map.of("name", "wall-screen", "sha256", HASH_B, "roles", List.of("viewer")))))) {
      assertThat(keys(context)).containsExactlyInAnyOrder(
          "ApiKey[odoo, roles=[integration]]", "ApiKey[wall-screen, roles=[viewer]]");
    }
  }

  @Test
  void lambdaEnvironmentHashesBecomeIntegrationKeysNamedByPosition() {
    try (ApplicationContext context = ApplicationContext.builder()
        .propertySources(environment(Map.of("PRINTRELAY_API_KEYS_SHA256", HASH_A + "," + HASH_B,
            "PRINTRELAY_TABLE", "prod-jobs", "PRINTRELAY_QUEUE_PREFIX", "prod")))
        .start()) {
      assertThat(keys(context)).containsExactly(
          "ApiKey[key-1, roles=[integration]]", "ApiKey[key-2, roles=[integration]]");
      assertThat(context.getBean(ApiKeyRegistry.class).match("key-b").orElseThrow().name())
          .isEqualTo("key-2");
      PrintrelaySettings settings = context.getBean(PrintrelaySettings.class);
      assertThat(settings.table()).isEqualTo("prod-jobs");
      assertThat(settings.queuePrefix()).isEqualTo("prod");
    }
  }

  @Test
  void defaultsNameTheTableAndQueuesPrintrelayAndLeaveTheSweepOff() {
    try (ApplicationContext context = ApplicationContext.run()) {
      PrintrelaySettings settings = context.getBean(PrintrelaySettings.class);
      assertThat(settings.table()).isEqualTo("printrelay");
      assertThat(settings.queuePrefix()).isEqualTo("printrelay");
      assertThat(context.getBean(DispatchSweepSettings.class))
          .isEqualTo(new DispatchSweepSettings(false, Duration.ofSeconds(10), Duration.ofSeconds(30)));
      assertThat(keys(context)).isEmpty();
    }
  }

  @Test
  void refusesToStartWithAKeyConfiguredInsteadOfItsHash() {
    assertThatThrownBy(() -> ApplicationContext.run(Map.of("printrelay.api-keys-sha256", "local-dev-key")))
        .hasStackTraceContaining("expected 64 hex digits");
  }

  @Test
  void refusesToStartWithAnInvalidQueuePrefix() {
    assertThatThrownBy(() -> ApplicationContext.run(Map.of("printrelay.queue-prefix", "has spaces")))
        .hasStackTraceContaining("queuePrefix");
  }

  private static List<String> keys(ApplicationContext context) {
    return context.getBean(ApiKeyRegistry.class).keys().stream().map(ApiKey::toString).toList();
  }

  private static PropertySource environment(Map<String, Object> variables) {
    return PropertySource.of(
        "env", variables, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
  }
}
