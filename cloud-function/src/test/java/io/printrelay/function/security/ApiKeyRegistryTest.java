package io.printrelay.function.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.function.config.ApiKeySettings;
import io.printrelay.function.config.PrintrelaySettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {
  private final ApiKeyRegistry registry =
      new ApiKeyRegistry(
          List.of(
              new ApiKeySettings(
                  "odoo", ApiKeyRegistry.sha256Hex("secret-1"), List.of("integration"), null),
              new ApiKeySettings(
                  "screen", ApiKeyRegistry.sha256Hex("secret-2"), List.of("viewer"), null)),
          new PrintrelaySettings(
              "t", "p", ApiKeyRegistry.sha256Hex("secret-3").toUpperCase(), null));

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
            new PrintrelaySettings("t", "p", ApiKeyRegistry.sha256Hex("secret-3"), null));

    assertThat(withCapabilities.match("secret-4").orElseThrow().capabilities())
        .containsExactlyInAnyOrder(Capability.PRINTER_CONFIG, Capability.RAW);
    assertThat(withCapabilities.match("secret-3").orElseThrow().capabilities()).isEmpty();
    assertThat(registry.match("secret-1").orElseThrow().capabilities()).isEmpty();
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
                    new PrintrelaySettings("t", "p", null, null)))
        .hasMessageContaining("unknown capability printer-configuration")
        .hasMessageContaining("printer-config, raw");
  }

  @Test
  void refusesSomethingThatIsNotAHash() {
    assertThatThrownBy(
            () -> new ApiKeyRegistry(List.of(), new PrintrelaySettings("t", "p", "abc", null)))
        .hasMessageContaining("64 hex digits");
  }
}
