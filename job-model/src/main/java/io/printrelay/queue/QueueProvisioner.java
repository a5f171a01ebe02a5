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
  /** Redeliveries before a message is parked: agent restarts each count one. */
  public static final int MAX_RECEIVE_COUNT = 10;

  /**
   * The agent extends it while a job prints; this only bounds how long a dead agent holds a job.
   */
  public static final int VISIBILITY_TIMEOUT_SECONDS = 60;

  private QueueProvisioner() {}

  public static QueueUrls createIfAbsent(SqsClient sqs, QueueNames names) {
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
                                  + MAX_RECEIVE_COUNT
                                  + "\"}")));
    }
    return QueueUrls.resolve(sqs, names);
  }
}
