package io.printrelay.function.intake;

import java.time.Duration;
import java.time.Instant;

/**
 * A caller's Idempotency-Key, claimed for one job. Scoped by the API key's name, so two callers
 * never collide on the same key.
 *
 * @param expiresAt when DynamoDB TTL may delete it: after 48 h (docs/api.md#idempotency)
 */
public record IdempotencyClaim(String scope, String key, Instant createdAt, Instant expiresAt) {
  public static final Duration KEPT_FOR = Duration.ofHours(48);

  public static IdempotencyClaim of(String scope, String key, Instant now) {
    return new IdempotencyClaim(scope, key, now, now.plus(KEPT_FOR));
  }
}
