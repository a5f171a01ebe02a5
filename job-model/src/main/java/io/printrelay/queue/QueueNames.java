package io.printrelay.queue;

import io.printrelay.model.Priority;

/** One FIFO queue per priority, each with a FIFO dead-letter queue: {@code <prefix>-high.fifo}. */
public record QueueNames(String prefix) {
  public static final String DEFAULT_PREFIX = "printrelay";

  public String queue(Priority priority) {
    return prefix + "-" + priority.wireName() + ".fifo";
  }

  public String deadLetterQueue(Priority priority) {
    return prefix + "-" + priority.wireName() + "-dlq.fifo";
  }
}
