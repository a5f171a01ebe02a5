package io.printrelay.function.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who submits a job, as far as the submit cares: the scope of its Idempotency-Keys and what its
 * labels may carry ({@link Capability}). Only API keys submit: the integration role is never a
 * signed-in person's (operator accounts are operator or viewer).
 *
 * @param scope whose Idempotency-Keys: the hex SHA-256 of the API key, its identity. Not its name:
 *     names are configured (or, for bare hashes, numbered by position), so removing one key would
 *     hand its claims to the key renamed after it, and a name holding {@code #} or equal to an
 *     internal scope would collide; a hash is 64 hex digits, unique per key, and stays the key's
 *     through any change of configuration
 * @param legacyScope where the same key's Idempotency-Keys were claimed before they were scoped by
 *     its hash ({@link ApiKeyRegistry#legacyScope}): its name; null where none is read
 */
public record Submitter(String scope, @Nullable String legacyScope, Set<Capability> capabilities) {
  private static final String CAPABILITIES = "printrelay.capabilities";
  private static final String KEY_SHA256 = "printrelay.key-sha256";
  private static final String LEGACY_SCOPE = "printrelay.legacy-scope";

  public Submitter {
    capabilities = Set.copyOf(capabilities);
  }

  /** The submitter an {@link Authentication} of {@link #attributes} describes. */
  public static Submitter of(Authentication caller) {
    Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
    if (caller.getAttributes().get(CAPABILITIES) instanceof List<?> names) {
      names.forEach(name -> Capability.parse(String.valueOf(name)).ifPresent(capabilities::add));
    }
    if (!(caller.getAttributes().get(KEY_SHA256) instanceof String keySha256)) {
      throw new IllegalStateException(caller.getName() + " submits without an API key");
    }
    String legacyScope =
        caller.getAttributes().get(LEGACY_SCOPE) instanceof String name ? name : null;
    return new Submitter(keySha256, legacyScope, capabilities);
  }

  /** What an API key's {@link Authentication} carries for {@link #of}. */
  static Map<String, Object> attributes(ApiKey key, Optional<String> legacyScope) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(KEY_SHA256, key.sha256Hex());
    attributes.put(
        CAPABILITIES, key.capabilities().stream().map(Capability::configName).sorted().toList());
    legacyScope.ifPresent(scope -> attributes.put(LEGACY_SCOPE, scope));
    return attributes;
  }
}
