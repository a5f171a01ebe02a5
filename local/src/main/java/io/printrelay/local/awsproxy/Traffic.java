package io.printrelay.local.awsproxy;

import java.util.Map;
import java.util.TreeMap;

/**
 * What went through a proxy since its last reset.
 *
 * @param requests requests received, by operation ({@code TransactWriteItems}, {@code
 *     ReceiveMessage}); sorted by name
 * @param writeUnits DynamoDB write capacity units the emulator reported for write requests (0 for
 *     SQS)
 * @param unanswered requests a {@link BlackHole#NO_ANSWER} swallowed or a cut connection lost
 */
public record Traffic(Map<String, Long> requests, double writeUnits, long unanswered) {
  public Traffic {
    requests = Map.copyOf(new TreeMap<>(requests));
  }

  public long total() {
    return requests.values().stream().mapToLong(Long::longValue).sum();
  }

  public long of(String operation) {
    return requests.getOrDefault(operation, 0L);
  }

  /** Sorted by operation name. */
  public Map<String, Long> byOperation() {
    return new TreeMap<>(requests);
  }
}
