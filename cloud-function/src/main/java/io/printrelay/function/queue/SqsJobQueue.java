package io.printrelay.function.queue;

import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends through SQS. The request, with its FIFO group id (the printer) and deduplication id (job
 * and dispatch number), comes from {@link JobMessages}, the one owner of that wire format: a
 * retried send within SQS's 5-minute window is dropped, a deliberate re-send is not.
 */
@Singleton
public class SqsJobQueue implements JobQueue {
  private final SqsClient sqs;
  private final QueueLocator queues;

  public SqsJobQueue(SqsClient sqs, QueueLocator queues) {
    this.sqs = sqs;
    this.queues = queues;
  }

  @Override
  public void send(JobMessage message) {
    try {
      sqs.sendMessage(JobMessages.sendRequest(queues.urls().of(message.priority()), message));
    } catch (SdkException e) {
      throw new DispatchFailed(message.jobId(), e);
    }
  }
}
