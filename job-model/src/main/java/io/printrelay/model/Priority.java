package io.printrelay.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Print priority; each has its own SQS FIFO queue. Declared highest first: ordinal order is print
 * order.
 */
public enum Priority {
  HIGH,
  NORMAL,
  LOW;

  /** The lower-case name used in the API, the table and the queue names. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Priority> parse(String value) {
    for (Priority priority : values()) {
      if (priority.wireName().equals(value)) {
        return Optional.of(priority);
      }
    }
    return Optional.empty();
  }

  /** Default for a job naming none (docs/api.md#submit): small jobs urgent, big batches wait. */
  public static Priority forLabelCount(int labels) {
    if (labels <= 9) {
      return HIGH;
    }
    return labels <= 200 ? NORMAL : LOW;
  }
}
