package io.printrelay.function.security;

import io.micronaut.security.authentication.Authentication;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who submits a job, as far as the submit cares: the scope of its Idempotency-Keys and what its
 * labels may carry ({@link Capability}). Only API keys submit: the integration role is never a
 * signed-in person's (operator accounts are operator or viewer).
 *
 * @param scope the API key's name, scoping its Idempotency-Keys
 */
public record Submitter(String scope, Set<Capability> capabilities) {
  private static final String CAPABILITIES = "printrelay.capabilities";

  public Submitter {
    capabilities = Set.copyOf(capabilities);
  }

  public boolean may(Capability capability) {
    return capabilities.contains(capability);
  }

  /** The submitter an {@link Authentication} of {@link #attributes} describes. */
  public static Submitter of(Authentication caller) {
    Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
    if (caller.getAttributes().get(CAPABILITIES) instanceof List<?> names) {
      names.forEach(name -> Capability.parse(String.valueOf(name)).ifPresent(capabilities::add));
    }
    return new Submitter(caller.getName(), capabilities);
  }

  /** What an API key's {@link Authentication} carries for {@link #of}. */
  static Map<String, Object> attributes(ApiKey key) {
    return Map.of(
        CAPABILITIES, key.capabilities().stream().map(Capability::configName).sorted().toList());
  }
}
