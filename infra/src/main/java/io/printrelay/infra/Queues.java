package io.printrelay.infra;

import io.printrelay.model.Priority;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueProvisioner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The three priority FIFO queues ({@code <prefix>-high.fifo}, {@code -normal}, {@code -low}) the
 * function sends to and the agent long-polls, each with its own FIFO dead-letter queue.
 *
 * <p>The agent serialises per printer itself: FIFO only holds back a message group within one
 * queue. A message it holds for a busy printer must be kept invisible (ChangeMessageVisibility),
 * not left to reappear, or its receive count climbs toward {@link #MAX_RECEIVE_COUNT}.
 */
public final class Queues extends Construct {
  /** Queue name parts, highest priority first; the order the agent polls them in. */
  public static final List<String> PRIORITIES =
      Arrays.stream(Priority.values()).map(Priority::wireName).toList();

  /**
   * Receives without a delete before SQS moves a message aside; high, because receives that are no
   * fault of the message count too (see {@link QueueProvisioner#MAX_RECEIVE_COUNT}).
   */
  static final int MAX_RECEIVE_COUNT = QueueProvisioner.MAX_RECEIVE_COUNT;

  // The agent extends visibility while it prints; this bounds how long a crashed agent's message
  // stays hidden before another receive picks it up.
  private static final Duration VISIBILITY =
      Duration.seconds(QueueProvisioner.VISIBILITY_TIMEOUT_SECONDS);
  // The longest long poll SQS allows: fewer empty receives from an idle agent.
  private static final Duration LONG_POLL = Duration.seconds(20);
  // The SQS maximum, for main and dead-letter queues alike: a FIFO DLQ keeps the original enqueue
  // time, so a shorter DLQ retention could drop a message the moment it arrives.
  private static final Duration RETENTION = Duration.days(14);

  private final Map<String, Queue> byPriority = new LinkedHashMap<>();
  private final List<IQueue> deadLetterQueues = new ArrayList<>();

  public Queues(Construct scope, String id, String prefix) {
    super(scope, id);
    QueueNames names = new QueueNames(prefix);
    for (Priority priority : Priority.values()) {
      byPriority.put(priority.wireName(), priorityQueue(names, priority));
    }
  }

  /**
   * The main queues by priority name ({@code high}, {@code normal}, {@code low}), in that order.
   */
  public Map<String, Queue> byPriority() {
    return Map.copyOf(byPriority);
  }

  /** The main queues, highest priority first; dead-letter queues excluded. */
  public List<IQueue> main() {
    return List.copyOf(byPriority.values());
  }

  /** The dead-letter queues, in the order of their main queues. */
  public List<IQueue> deadLetters() {
    return List.copyOf(deadLetterQueues);
  }

  private Queue priorityQueue(QueueNames names, Priority priority) {
    String name = priority.wireName();
    String id = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    Queue deadLetters = fifo(id + "DeadLetters", names.deadLetterQueue(priority)).build();
    deadLetterQueues.add(deadLetters);
    return fifo(id, names.queue(priority))
        .visibilityTimeout(VISIBILITY)
        .receiveMessageWaitTime(LONG_POLL)
        .deadLetterQueue(
            DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build())
        .build();
  }

  private Queue.Builder fifo(String id, String name) {
    return Queue.Builder.create(this, id)
        .queueName(name)
        .fifo(true)
        // Senders set the deduplication id from the job, so the sweep re-sending a job the API
        // did enqueue is dropped within SQS's 5-minute window, whatever the body holds.
        .contentBasedDeduplication(false)
        .retentionPeriod(RETENTION)
        .encryption(QueueEncryption.SQS_MANAGED)
        // Refuses plain-HTTP access in the queue policy; the SDKs use HTTPS anyway.
        .enforceSsl(true);
  }
}
