package io.printrelay.queue;

import io.printrelay.model.Priority;
import java.util.regex.Pattern;

/**
 * One FIFO queue per priority, each with a FIFO dead-letter queue: {@code <prefix>-high.fifo}. The
 * prefix rule is written here once for the function, the agent and the stack.
 */
public record QueueNames(String prefix) {
  public static final String DEFAULT_PREFIX = "printrelay";

  /**
   * SQS queue names are at most 80 of {@code [A-Za-z0-9_-]} (and ".fifo"); the longest suffix
   * added, "-normal-dlq.fifo", takes 16.
   */
  public static final String PREFIX_PATTERN = "[A-Za-z0-9_-]{1,64}";

  public static final String PREFIX_RULE = "1-64 of A-Z a-z 0-9 _ -";
  private static final Pattern PREFIX = Pattern.compile(PREFIX_PATTERN);

  public static boolean isValidPrefix(String prefix) {
    return prefix != null && PREFIX.matcher(prefix).matches();
  }

  public String queue(Priority priority) {
    return prefix + "-" + priority.wireName() + ".fifo";
  }

  public String deadLetterQueue(Priority priority) {
    return prefix + "-" + priority.wireName() + "-dlq.fifo";
  }
}
