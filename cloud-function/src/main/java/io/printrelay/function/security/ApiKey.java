package io.printrelay.function.security;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A configured API key, known only by the SHA-256 of its secret.
 *
 * @param name names the key in logs and {@code /v1/me}; safe to log, unlike the key
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

  /** The key's identity, as configured: it scopes the key's Idempotency-Keys. */
  public String sha256Hex() {
    return HexFormat.of().formatHex(sha256);
  }

  @Override
  public String toString() {
    return "ApiKey[" + name + ", roles=" + roles + "]";
  }
}
