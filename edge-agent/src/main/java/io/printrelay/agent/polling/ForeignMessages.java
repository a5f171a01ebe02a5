package io.printrelay.agent.polling;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Messages of one queue for printers this agent does not serve, hidden for a long while ({@code
 * hold}) rather than given back at once. Given back, a message would be received again within
 * milliseconds, by this agent as likely as by the one that serves its printer, and every receive
 * counts toward the queue's maxReceiveCount: ten in a second parked it in the dead-letter queue.
 * Hidden, it is received at most once per hold, and then by whichever agent polls first.
 *
 * <p>While hidden it holds back the later messages of its group, that is of its printer, in this
 * queue only (SQS FIFO); other printers and other queues are not held up. So one queue prefix per
 * site stays the rule (docs/printing.md#queues); this only keeps a mix-up from losing jobs.
 *
 * <p>Used by its poller's thread alone. A graceful stop gives every message still hidden back.
 */
final class ForeignMessages {
  private static final Logger log = LoggerFactory.getLogger(ForeignMessages.class);

  private final SqsClient sqs;
  private final String queueUrl;
  private final Duration hold;
  private final Map<String, Hidden> byMessageId = new HashMap<>();

  ForeignMessages(SqsClient sqs, String queueUrl, Duration hold) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.hold = hold;
  }

  void hide(Received received) {
    long now = System.nanoTime();
    // A hold that ran out left the message visible: its receipt handle is of no use any more.
    byMessageId.values().removeIf(hidden -> hidden.until() - now <= 0);
    if (changeVisibility(received.receiptHandle(), hold)) {
      byMessageId.put(
          received.messageId(), new Hidden(received.receiptHandle(), now + hold.toNanos()));
    }
  }

  /** Gives back every message still hidden, so the agent serving its printer gets it now. */
  void releaseAll() {
    long now = System.nanoTime();
    byMessageId.values().stream()
        .filter(hidden -> hidden.until() - now > 0)
        .forEach(hidden -> changeVisibility(hidden.receiptHandle(), Duration.ZERO));
    byMessageId.clear();
  }

  private boolean changeVisibility(String receiptHandle, Duration duration) {
    try {
      sqs.changeMessageVisibility(
          b ->
              b.queueUrl(queueUrl)
                  .receiptHandle(receiptHandle)
                  .visibilityTimeout((int) duration.toSeconds()));
      return true;
    } catch (SdkException e) {
      // Left as it is: it comes back when the visibility set on receive runs out.
      log.atDebug()
          .addKeyValue("event", "message.visibility_failed")
          .addKeyValue("queue", queueUrl)
          .addKeyValue("error", e.getMessage())
          .log("could not change the visibility of a message");
      return false;
    }
  }

  private record Hidden(String receiptHandle, long until) {}
}
