package io.printrelay.queue;

import io.printrelay.model.Priority;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the queues for `printrelay local` and the tests; the CDK stack creates the same ones in
 * AWS. Each priority queue is FIFO with a FIFO dead-letter queue (SQS requires a FIFO queue's DLQ
 * to be FIFO too).
 */
public final class QueueProvisioner {
  /**
   * Receives before SQS parks a message in its dead-letter queue. Every receive counts, including
   * the ones that are no fault of the message: an agent restart while its job waits, a network
   * outage long enough for a held message's visibility to run out, another site's agent hiding a
   * message it does not serve (at most once per its hold, 10 min by default). At 10 a paused
   * printer's job could be parked after a day of blips; at 100 a message is parked only when
   * something is wrong for long (no agent serves its printer for most of a day), and even then the
   * dispatch sweep re-sends its job from the table once its printer takes work again.
   */
  public static final int MAX_RECEIVE_COUNT = 100;

  /**
   * The agent extends it while a job prints; this only bounds how long a dead agent holds a job.
   */
  public static final int VISIBILITY_TIMEOUT_SECONDS = 60;

  private QueueProvisioner() {}

  public static QueueUrls createIfAbsent(SqsClient sqs, QueueNames names) {
    return createIfAbsent(sqs, names, MAX_RECEIVE_COUNT);
  }

  /** As {@link #createIfAbsent(SqsClient, QueueNames)}, parking messages sooner: for tests. */
  public static QueueUrls createIfAbsent(SqsClient sqs, QueueNames names, int maxReceiveCount) {
    for (Priority priority : Priority.values()) {
      String dlqUrl =
          sqs.createQueue(
                  b ->
                      b.queueName(names.deadLetterQueue(priority))
                          .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
              .queueUrl();
      String dlqArn =
          sqs.getQueueAttributes(
                  b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      sqs.createQueue(
          b ->
              b.queueName(names.queue(priority))
                  .attributes(
                      Map.of(
                          QueueAttributeName.FIFO_QUEUE, "true",
                          QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                          QueueAttributeName.VISIBILITY_TIMEOUT,
                              Integer.toString(VISIBILITY_TIMEOUT_SECONDS),
                          QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20",
                          QueueAttributeName.REDRIVE_POLICY,
                              "{\"deadLetterTargetArn\":\""
                                  + dlqArn
                                  + "\",\"maxReceiveCount\":\""
                                  + maxReceiveCount
                                  + "\"}")));
    }
    return QueueUrls.resolve(sqs, names);
  }
}
