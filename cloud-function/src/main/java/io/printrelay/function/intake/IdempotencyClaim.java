package io.printrelay.function.intake;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.model.Job;
import java.time.Duration;
import java.time.Instant;

/**
 * A caller's Idempotency-Key, claimed for one job, with a hash of the request it came with. Scoped
 * by who sent it (an API key's SHA-256, or an internal scope), so two callers never collide on the
 * same key.
 *
 * @param requestSha256 hex SHA-256 of the canonical request; null when there is none to compare
 * @param expiresAt when DynamoDB TTL may delete it: after 48 h (docs/api.md#idempotency)
 */
public record IdempotencyClaim(
    String scope,
    String key,
    @Nullable String requestSha256,
    Instant createdAt,
    Instant expiresAt) {
  public static final Duration KEPT_FOR = Duration.ofHours(48);

  public static IdempotencyClaim of(String scope, String key, Instant now) {
    return of(scope, key, null, now);
  }

  public static IdempotencyClaim of(
      String scope, String key, @Nullable String requestSha256, Instant now) {
    return new IdempotencyClaim(scope, key, requestSha256, now, now.plus(KEPT_FOR));
  }

  /**
   * The job an earlier claim of this key made, to answer again, when it came with this same
   * request.
   *
   * @throws InvalidInput as {@link #requireSameRequest}
   */
  public Job sameRequest(JobStore.Claimed earlier) {
    requireSameRequest(earlier.job().jobId(), earlier.requestSha256());
    return earlier.job();
  }

  /**
   * Checks that the earlier claim of this key came with this same request. A claim stored without a
   * hash (from before hashes were kept) compares as the same.
   *
   * @throws InvalidInput on {@code Idempotency-Key} when the earlier request was another: its job
   *     is not this request's, and answering it would silently drop this one's labels
   */
  public void requireSameRequest(String earlierJobId, @Nullable String earlierSha256) {
    if (requestSha256 != null && earlierSha256 != null && !requestSha256.equals(earlierSha256)) {
      throw InvalidInput.of(
          "Idempotency-Key",
          "was sent within 48 h with another request, which made job "
              + earlierJobId
              + "; send a new key with a new request");
    }
  }
}
