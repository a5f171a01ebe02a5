package io.printrelay.function.queue;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueUrls;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The three queue URLs, looked up on first use and kept. Not at start: a context that starts while
 * SQS is unreachable still serves reads and reports itself unhealthy, and recovers on the next
 * request instead of staying broken.
 */
@Singleton
public class QueueLocator {
  private final SqsClient sqs;
  private final QueueNames names;
  private volatile QueueUrls urls;

  public QueueLocator(SqsClient sqs, PrintrelaySettings settings) {
    this.sqs = sqs;
    this.names = new QueueNames(settings.queuePrefix());
  }

  public QueueUrls urls() {
    QueueUrls known = urls;
    if (known == null) {
      known = QueueUrls.resolve(sqs, names);
      urls = known;
    }
    return known;
  }
}
