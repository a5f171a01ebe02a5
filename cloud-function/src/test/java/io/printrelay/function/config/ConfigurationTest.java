package io.printrelay.function.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.printrelay.function.problem.Unavailable;
import io.printrelay.function.security.ApiKey;
import io.printrelay.function.security.ApiKeyRegistry;
import io.printrelay.function.security.Capability;
import io.printrelay.function.security.Operator;
import io.printrelay.function.security.OperatorAccounts;
import io.printrelay.function.security.PasswordHashes;
import io.printrelay.function.session.SessionKeyProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
  private static final String HASH_A = ApiKeyRegistry.sha256Hex("key-a");
  private static final String HASH_B = ApiKeyRegistry.sha256Hex("key-b");

  @Test
  void namedKeysKeepTheirRolesAndDefaultToIntegration() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "printrelay.api-keys",
                List.of(
                    Map.of("name", "odoo", "sha256", HASH_A),
                    Map.of(
                        "name", "wall-screen", "sha256", HASH_B, "roles", List.of("viewer")))))) {
      assertThat(keys(context))
          .containsExactlyInAnyOrder(
              "ApiKey[odoo, roles=[integration]]", "ApiKey[wall-screen, roles=[viewer]]");
    }
  }

  @Test
  void lambdaEnvironmentHashesBecomeIntegrationKeysNamedByPosition() {
    try (ApplicationContext context =
        ApplicationContext.builder()
            .propertySources(
                environment(
                    Map.of(
                        "PRINTRELAY_API_KEYS_SHA256",
                        HASH_A + "," + HASH_B,
                        "PRINTRELAY_TABLE",
                        "prod-jobs",
                        "PRINTRELAY_QUEUE_PREFIX",
                        "prod")))
            .start()) {
      assertThat(keys(context))
          .containsExactly(
              "ApiKey[key-1, roles=[integration]]", "ApiKey[key-2, roles=[integration]]");
      assertThat(context.getBean(ApiKeyRegistry.class).match("key-b").orElseThrow().name())
          .isEqualTo("key-2");
      PrintrelaySettings settings = context.getBean(PrintrelaySettings.class);
      assertThat(settings.table()).isEqualTo("prod-jobs");
      assertThat(settings.queuePrefix()).isEqualTo("prod");
    }
  }

  @Test
  void lambdaEnvironmentJsonGivesNamedKeysWithCapabilitiesBesideTheBareHashes() {
    try (ApplicationContext context =
        ApplicationContext.builder()
            .propertySources(
                environment(
                    Map.of(
                        "PRINTRELAY_API_KEYS_JSON",
                        "[{\"name\":\"odoo\",\"sha256\":\""
                            + HASH_A
                            + "\",\"capabilities\":[\"raw\",\"printer-config\"]}]",
                        "PRINTRELAY_API_KEYS_SHA256",
                        HASH_B)))
            .start()) {
      ApiKeyRegistry registry = context.getBean(ApiKeyRegistry.class);

      assertThat(keys(context))
          .containsExactly(
              "ApiKey[odoo, roles=[integration]]", "ApiKey[key-1, roles=[integration]]");
      assertThat(registry.match("key-a").orElseThrow().capabilities())
          .containsExactlyInAnyOrder(Capability.RAW, Capability.PRINTER_CONFIG);
      assertThat(registry.match("key-b").orElseThrow().capabilities()).isEmpty();
    }
  }

  @Test
  void refusesToStartWithAMisspeltFieldInTheJsonKeys() {
    assertThatThrownBy(
            () ->
                ApplicationContext.run(
                    Map.of(
                        "printrelay.api-keys-json",
                        "[{\"name\":\"odoo\",\"sha256\":\""
                            + HASH_A
                            + "\",\"capabilites\":[\"raw\"]}]")))
        .hasStackTraceContaining(
            "printrelay.api-keys-json: entry 1 has an unknown field capabilites");
  }

  @Test
  void defaultsNameTheTableAndQueuesPrintrelayAndLeaveTheSweepOff() {
    try (ApplicationContext context = ApplicationContext.run()) {
      PrintrelaySettings settings = context.getBean(PrintrelaySettings.class);
      assertThat(settings.table()).isEqualTo("printrelay");
      assertThat(settings.queuePrefix()).isEqualTo("printrelay");
      assertThat(context.getBean(DispatchSweepSettings.class))
          .isEqualTo(
              new DispatchSweepSettings(
                  false,
                  Duration.ofSeconds(10),
                  Duration.ofSeconds(30),
                  Duration.ofMinutes(5),
                  10));
      assertThat(keys(context)).isEmpty();
    }
  }

  @Test
  void refusesToStartWithAKeyConfiguredInsteadOfItsHash() {
    assertThatThrownBy(
            () -> ApplicationContext.run(Map.of("printrelay.api-keys-sha256", "local-dev-key")))
        .hasStackTraceContaining("expected 64 hex digits");
  }

  @Test
  void refusesToStartWithAnInvalidQueuePrefix() {
    assertThatThrownBy(
            () -> ApplicationContext.run(Map.of("printrelay.queue-prefix", "has spaces")))
        .hasStackTraceContaining("queuePrefix");
  }

  @Test
  void refusesToStartWithAnOperatorPasswordHashTooWeakOrNotAHash() {
    String weak =
        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    for (String hash : List.of(weak, "local-dev-password")) {
      assertThatThrownBy(
              () ->
                  ApplicationContext.run(
                      Map.of(
                          "printrelay.operators",
                          List.of(Map.of("username", "ana", "password-hash", hash)))))
          .hasStackTraceContaining("operator ana: password-hash");
    }
  }

  @Test
  void theLambdaEnvironmentConfiguresOperatorsAsUserRoleHashEntries() {
    String hash = PasswordHashes.hash("pw");
    try (ApplicationContext context =
        ApplicationContext.builder()
            .propertySources(
                environment(
                    Map.of(
                        "PRINTRELAY_OPERATOR_ACCOUNTS",
                        "ana:operator:" + hash + ", wall:viewer:" + hash)))
            .start()) {
      OperatorAccounts accounts = context.getBean(OperatorAccounts.class);

      assertThat(accounts.find("ana")).contains(new Operator("ana", "operator"));
      assertThat(accounts.find("wall")).contains(new Operator("wall", "viewer"));
      assertThat(accounts.signIn("ana", "pw")).isPresent();
    }
  }

  @Test
  void refusesToStartWithAMalformedOperatorAccountsEntry() {
    assertThatThrownBy(
            () ->
                ApplicationContext.run(
                    Map.of(
                        "printrelay.operator-accounts", "ana:admin:" + PasswordHashes.hash("pw"))))
        .hasStackTraceContaining("username:operator|viewer:password-hash");
  }

  @Test
  void refusesToStartWithAKeyRoleThatDoesNotExist() {
    assertThatThrownBy(
            () ->
                ApplicationContext.run(
                    Map.of(
                        "printrelay.api-keys",
                        List.of(
                            Map.of(
                                "name", "odoo", "sha256", HASH_A, "roles", List.of("operater"))))))
        .hasStackTraceContaining("unknown role operater");
  }

  @Test
  void onLambdaWithoutASessionSecretSignInIsRefusedButTheRestStarts() {
    try (ApplicationContext context = ApplicationContext.builder().environments("lambda").start()) {
      SessionKeyProbe probe = new SessionKeyProbe(context);

      assertThatThrownBy(probe::required)
          .isInstanceOf(Unavailable.class)
          .hasMessageContaining("PRINTRELAY_SESSION_SECRET");
    }
    try (ApplicationContext context =
        ApplicationContext.builder()
            .environments("lambda")
            .propertySources(
                environment(
                    Map.of(
                        "PRINTRELAY_SESSION_SECRET", "a-session-secret-of-32-characters-or-more")))
            .start()) {
      assertThat(new SessionKeyProbe(context).required()).hasSize(41);
    }
  }

  private static List<String> keys(ApplicationContext context) {
    return context.getBean(ApiKeyRegistry.class).keys().stream().map(ApiKey::toString).toList();
  }

  private static PropertySource environment(Map<String, Object> variables) {
    return PropertySource.of(
        "env",
        variables,
        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE,
        PropertySource.Origin.of("env"));
  }
}
