package io.printrelay.function.queue;

import io.printrelay.function.health.HealthProbe;
import io.printrelay.model.Priority;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Reads an attribute of each of the three queues: proves they exist and are reachable. */
@Singleton
public class SqsQueueProbe implements HealthProbe {
  private static final Logger LOG = LoggerFactory.getLogger(SqsQueueProbe.class);

  private final SqsClient sqs;
  private final QueueLocator queues;

  public SqsQueueProbe(SqsClient sqs, QueueLocator queues) {
    this.sqs = sqs;
    this.queues = queues;
  }

  @Override
  public String name() {
    return "job queues";
  }

  @Override
  public boolean reachable() {
    try {
      for (Priority priority : Priority.values()) {
        String url = queues.urls().of(priority);
        sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN));
      }
      return true;
    } catch (SdkException e) {
      LOG.warn("Health: queues unreachable: {}", e.getMessage());
      return false;
    }
  }
}
