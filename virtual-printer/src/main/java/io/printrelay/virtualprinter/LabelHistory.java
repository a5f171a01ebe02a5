package io.printrelay.virtualprinter;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code capacity} entries of an unbounded stream (printed formats, partials), plus a
 * count of all of them. A printer left running under `printrelay local` prints for days; keeping
 * every label would grow the heap without limit, while tests only ever look at the recent ones.
 * Thread-safe.
 */
final class LabelHistory {

  private final int capacity;
  private final ArrayDeque<String> kept = new ArrayDeque<>();
  private int total;

  LabelHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("history capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds {@code entry}, forgetting the oldest if full; returns how many were ever added. */
  synchronized int add(String entry) {
    if (kept.size() == capacity) {
      kept.removeFirst();
    }
    kept.addLast(entry);
    return ++total;
  }

  /** The kept entries, oldest first; an immutable snapshot. */
  synchronized List<String> recent() {
    return List.copyOf(kept);
  }

  synchronized int total() {
    return total;
  }
}
