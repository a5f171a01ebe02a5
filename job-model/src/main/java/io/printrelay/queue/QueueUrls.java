package io.printrelay.queue;

import io.printrelay.model.Priority;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The three priority queues' (or their dead-letter queues') URLs, looked up once at start. */
public record QueueUrls(Map<Priority, String> urls) {
  public QueueUrls {
    urls = Map.copyOf(urls);
  }

  public String of(Priority priority) {
    return urls.get(priority);
  }

  public static QueueUrls resolve(SqsClient sqs, QueueNames names) {
    return resolve(sqs, names::queue);
  }

  /** The three dead-letter queues' URLs, by the priority of the queue each one serves. */
  public static QueueUrls resolveDeadLetters(SqsClient sqs, QueueNames names) {
    return resolve(sqs, names::deadLetterQueue);
  }

  private static QueueUrls resolve(SqsClient sqs, Function<Priority, String> name) {
    Map<Priority, String> urls = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      urls.put(priority, sqs.getQueueUrl(b -> b.queueName(name.apply(priority))).queueUrl());
    }
    return new QueueUrls(urls);
  }
}
