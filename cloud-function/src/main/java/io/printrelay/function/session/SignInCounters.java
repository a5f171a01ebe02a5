package io.printrelay.function.session;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * Where failed sign-ins are counted, per user name and per source address, shared by every Lambda
 * instance. Counts are replaced compare-and-set on a version, so that attempts racing one another
 * are each counted exactly once.
 */
public interface SignInCounters {
  /** The failures counted against the key now, read strongly consistent, with their version. */
  Counted read(Key key);

  /**
   * Writes every new count at once, provided none changed since it was read (its version); false,
   * with nothing written, if one did.
   */
  boolean replace(List<Replacement> replacements);

  /**
   * Takes one failure back from the count begun at {@code windowStart}: the attempt it stood for
   * turned out right. Nothing if that count has since been replaced by a new one.
   */
  void takeBack(Key key, Instant windowStart);

  /** Forgets the key's failures. */
  void clear(Key key);

  /**
   * @param scope {@code user} or {@code address}
   * @param id what is counted, as the throttle names it
   */
  record Key(String scope, String id) {}

  /**
   * @param failures null when none are stored
   * @param version 0 when nothing is stored
   */
  record Counted(@Nullable Failures failures, long version) {
    public static final Counted NONE = new Counted(null, 0);
  }

  /**
   * @param keepUntil when the item may expire (DynamoDB TTL): once the count is forgotten
   */
  record Replacement(Key key, long expectedVersion, Failures failures, Instant keepUntil) {}
}
