package io.printrelay.function.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import io.printrelay.function.config.ApiKeySettings;
import io.printrelay.function.config.PrintrelaySettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyRegistryTest {
  private static final JsonMapper JSON = JsonMapper.createDefault();

  private final ApiKeyRegistry registry =
      new ApiKeyRegistry(
          List.of(
              new ApiKeySettings(
                  "odoo", ApiKeyRegistry.sha256Hex("secret-1"), List.of("integration"), null),
              new ApiKeySettings(
                  "screen", ApiKeyRegistry.sha256Hex("secret-2"), List.of("viewer"), null)),
          new PrintrelaySettings(
              "t", "p", ApiKeyRegistry.sha256Hex("secret-3").toUpperCase(), null),
          null,
          JSON);

  @Test
  void matchesAPresentedKeyByItsHash() {
    assertThat(registry.match("secret-2")).map(ApiKey::name).contains("screen");
    assertThat(registry.match("secret-3")).map(ApiKey::name).contains("key-1");
    assertThat(registry.match("secret-3").orElseThrow().roles()).containsExactly(Roles.INTEGRATION);
  }

  @Test
  void matchesNoUnknownOrPartialKey() {
    assertThat(registry.match("secret")).isEmpty();
    assertThat(registry.match("")).isEmpty();
  }

  @Test
  void hashesWithSha256Hex() {
    assertThat(ApiKeyRegistry.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void neverPrintsAHash() {
    assertThat(registry.keys().get(0).toString()).isEqualTo("ApiKey[odoo, roles=[integration]]");
  }

  @Test
  void aNamedKeyHasTheCapabilitiesConfiguredAndABareHashNone() {
    ApiKeyRegistry withCapabilities =
        new ApiKeyRegistry(
            List.of(
                new ApiKeySettings(
                    "installer",
                    ApiKeyRegistry.sha256Hex("secret-4"),
                    List.of("integration"),
                    List.of("printer-config", " raw"))),
            new PrintrelaySettings("t", "p", ApiKeyRegistry.sha256Hex("secret-3"), null),
            null,
            JSON);

    assertThat(withCapabilities.match("secret-4").orElseThrow().capabilities())
        .containsExactlyInAnyOrder(Capability.PRINTER_CONFIG, Capability.RAW);
    assertThat(withCapabilities.match("secret-3").orElseThrow().capabilities()).isEmpty();
    assertThat(registry.match("secret-1").orElseThrow().capabilities()).isEmpty();
  }

  @Test
  void namedKeysGivenAsJsonHaveTheirRolesAndCapabilities() {
    String json =
        """
        [{"name": "installer", "sha256": "%s", "capabilities": ["printer-config", "raw"]},
         {"name": "wall-screen", "sha256": "%s", "roles": ["viewer"]}]
        """
            .formatted(
                ApiKeyRegistry.sha256Hex("secret-4"),
                ApiKeyRegistry.sha256Hex("secret-5").toUpperCase());
    ApiKeyRegistry fromJson =
        new ApiKeyRegistry(
            List.of(),
            new PrintrelaySettings("t", "p", ApiKeyRegistry.sha256Hex("secret-3"), null),
            json,
            JSON);

    ApiKey installer = fromJson.match("secret-4").orElseThrow();
    assertThat(installer.name()).isEqualTo("installer");
    assertThat(installer.roles()).containsExactly(Roles.INTEGRATION);
    assertThat(installer.capabilities())
        .containsExactlyInAnyOrder(Capability.PRINTER_CONFIG, Capability.RAW);
    assertThat(fromJson.match("secret-5").orElseThrow().roles()).containsExactly(Roles.VIEWER);
    assertThat(fromJson.match("secret-5").orElseThrow().capabilities()).isEmpty();
    assertThat(fromJson.match("secret-3").orElseThrow().name()).isEqualTo("key-1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "secret-key-itself", // not JSON
        "{\"name\": \"odoo\", \"sha256\": \"secret-key-itself\"}", // not a list
        "[{\"name\": \"odoo\", \"sha256\": \"secret-key-itself\"}]", // a key, not its hash
        "[{\"name\": \"odoo\", \"sha256\": \"%s\", \"capabilites\": [\"raw\"]}]",
        "[{\"name\": \"odoo\", \"sha256\": \"%s\", \"capabilities\": \"raw\"}]",
        "[{\"name\": \"odoo\", \"sha256\": \"%s\", \"capabilities\": [\"rwa\"]}]",
        "[{\"name\": \"odoo\", \"sha256\": \"%s\", \"roles\": []}]",
        "[{\"sha256\": \"%s\"}]",
        "[\"%s\"]"
      })
  void refusesMalformedJsonKeysAtStartWithoutEchoingThem(String json) {
    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(),
                    new PrintrelaySettings("t", "p", null, null),
                    json.formatted(ApiKeyRegistry.sha256Hex("secret-1")),
                    JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret-key-itself")
        .hasMessageNotContaining(ApiKeyRegistry.sha256Hex("secret-1"));
  }

  @Test
  void refusesAnUnknownCapabilityAtStart() {
    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(
                        new ApiKeySettings(
                            "odoo",
                            ApiKeyRegistry.sha256Hex("secret-1"),
                            List.of("integration"),
                            List.of("printer-configuration"))),
                    new PrintrelaySettings("t", "p", null, null),
                    null,
                    JSON))
        .hasMessageContaining("unknown capability printer-configuration")
        .hasMessageContaining("printer-config, raw");
  }

  @Test
  void refusesSomethingThatIsNotAHash() {
    assertThatThrownBy(
            () ->
                new ApiKeyRegistry(
                    List.of(), new PrintrelaySettings("t", "p", "abc", null), null, JSON))
        .hasMessageContaining("64 hex digits");
  }
}
