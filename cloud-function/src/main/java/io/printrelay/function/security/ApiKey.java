package io.printrelay.function.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A configured API key, known only by the SHA-256 of its secret.
 *
 * @param name scopes the caller's idempotency keys; safe to log, unlike the key
 * @param capabilities what its labels may carry beyond a label; none for a bare hash
 */
public record ApiKey(String name, byte[] sha256, List<String> roles, Set<Capability> capabilities) {
  public ApiKey {
    Objects.requireNonNull(name, "name");
    if (sha256.length != 32) {
      throw new IllegalArgumentException("API key " + name + ": a SHA-256 hash has 32 bytes");
    }
    sha256 = sha256.clone();
    roles = List.copyOf(roles);
    capabilities = Set.copyOf(capabilities);
  }

  @Override
  public String toString() {
    return "ApiKey[" + name + ", roles=" + roles + "]";
  }
}
