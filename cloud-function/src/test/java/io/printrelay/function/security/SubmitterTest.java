package io.printrelay.function.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.printrelay.function.config.ApiKeySettings;
import io.printrelay.function.config.PrintrelaySettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A submitter's Idempotency-Key scope is its key's identity, whatever the key is called. */
class SubmitterTest {
  private static final JsonMapper JSON = JsonMapper.createDefault();

  @Test
  void aKeysScopeIsItsHashWhateverItsNameOrPlace() {
    ApiKeyRegistry before = bareHashes("first", "second");
    ApiKeyRegistry after = bareHashes("second");

    Submitter secondBefore = submitter(before, "second");
    Submitter secondAfter = submitter(after, "second");

    assertThat(secondBefore.scope())
        .isEqualTo(secondAfter.scope())
        .isEqualTo(ApiKeyRegistry.sha256Hex("second"));
    assertThat(submitter(before, "first").scope())
        .as("first was key-1, as second is now")
        .isNotEqualTo(secondAfter.scope());
  }

  @Test
  void namesThatWouldCollideGiveDistinctScopesWithoutAHash() {
    ApiKeyRegistry registry =
        new ApiKeyRegistry(
            List.of(
                named("odoo#x", "secret-1"), named("odoo", "secret-2"), named("job-resume", "s-3")),
            new PrintrelaySettings("t", "p", null, null),
            null,
            JSON);

    assertThat(List.of("secret-1", "secret-2", "s-3"))
        .extracting(secret -> submitter(registry, secret).scope())
        .doesNotHaveDuplicates()
        .allSatisfy(scope -> assertThat(scope).matches("[0-9a-f]{64}"));
  }

  @Test
  void theLegacyScopeIsTheKeysNameUnlessThatCouldSpellAnotherClaim() {
    ApiKeyRegistry registry =
        new ApiKeyRegistry(
            List.of(
                named("odoo", "secret-1"),
                named("odoo#x", "secret-2"),
                named("odoo#x#y", "secret-3"),
                named("screen", "secret-4"),
                named("screen", "secret-5"),
                named("job-resume", "secret-6"),
                named("line-2", "secret-7")),
            new PrintrelaySettings("t", "p", ApiKeyRegistry.sha256Hex("secret-8"), null),
            null,
            JSON);

    assertThat(submitter(registry, "secret-7").legacyScope()).isEqualTo("line-2");
    assertThat(submitter(registry, "secret-8").legacyScope())
        .as("a bare hash, named by its place")
        .isEqualTo("key-1");
    assertThat(List.of("secret-1", "secret-2", "secret-3", "secret-4", "secret-5", "secret-6"))
        .extracting(secret -> submitter(registry, secret).legacyScope())
        .containsOnlyNulls();
  }

  private static Submitter submitter(ApiKeyRegistry registry, String secret) {
    ApiKey key = registry.match(secret).orElseThrow();
    return Submitter.of(
        Authentication.build(
            key.name(), key.roles(), Submitter.attributes(key, registry.legacyScope(key))));
  }

  private static ApiKeyRegistry bareHashes(String... secrets) {
    return new ApiKeyRegistry(
        List.of(),
        new PrintrelaySettings(
            "t",
            "p",
            String.join(",", List.of(secrets).stream().map(ApiKeyRegistry::sha256Hex).toList()),
            null),
        null,
        JSON);
  }

  private static ApiKeySettings named(String name, String secret) {
    return new ApiKeySettings(
        name, ApiKeyRegistry.sha256Hex(secret), List.of(Roles.INTEGRATION), null);
  }
}
