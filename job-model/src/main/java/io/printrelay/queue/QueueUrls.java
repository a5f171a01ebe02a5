package io.printrelay.queue;

import io.printrelay.model.Priority;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The three priority queues' URLs, looked up once at start. */
public record QueueUrls(Map<Priority, String> urls) {
  public QueueUrls {
    urls = Map.copyOf(urls);
  }

  public String of(Priority priority) {
    return urls.get(priority);
  }

  public static QueueUrls resolve(SqsClient sqs, QueueNames names) {
    Map<Priority, String> urls = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      urls.put(priority, sqs.getQueueUrl(b -> b.queueName(names.queue(priority))).queueUrl());
    }
    return new QueueUrls(urls);
  }
}
