package io.printrelay.function.queue;

import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import java.util.Optional;

/**
 * One message read from a dead-letter queue, hidden from other readers until it is deleted or put
 * back. Its receipt handle stays inside the adapter; this offers only what may be done with it.
 */
public final class DeadLetter {
  private final Priority tier;
  private final String messageId;
  private final Optional<JobMessage> message;
  private final Runnable delete;
  private final Runnable putBack;

  DeadLetter(
      Priority tier,
      String messageId,
      Optional<JobMessage> message,
      Runnable delete,
      Runnable putBack) {
    this.tier = tier;
    this.messageId = messageId;
    this.message = message;
    this.delete = delete;
    this.putBack = putBack;
  }

  /** The priority of the queue whose dead-letter queue holds it. */
  public Priority tier() {
    return tier;
  }

  public String messageId() {
    return messageId;
  }

  /** Its body as a job message; empty when it is not one. */
  public Optional<JobMessage> message() {
    return message;
  }

  /** Removes it from its dead-letter queue for good. */
  public void delete() {
    delete.run();
  }

  /** Makes it visible again at once, for the next reader. */
  public void putBack() {
    putBack.run();
  }
}
