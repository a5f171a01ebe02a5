package io.printrelay.agent.polling;

import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls one priority queue and hands each message to its printer's worker. One poller per
 * queue: SQS FIFO releases a message group's next message only once the previous one is deleted,
 * per queue, so three pollers let a printer's urgent job arrive while a normal one prints.
 */
public final class QueuePoller implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(QueuePoller.class);
  private static final int MAX_MESSAGES = 10; // SQS's limit per ReceiveMessage
  private static final Duration MAX_ERROR_PAUSE = Duration.ofSeconds(30);

  private final SqsClient sqs;
  private final String queueUrl;
  private final Duration wait;
  private final Duration visibility;
  private final HeldMessages held;
  private final JobRouter router;
  private final ForeignMessages foreign;

  /**
   * How long a message for a printer another agent drives is hidden by a standby: short, since it
   * holds back its printer's later messages meanwhile; the holder receives it after that.
   */
  static final Duration STANDBY_HOLD = Duration.ofSeconds(3);

  private final ForeignMessages standby;
  private final Duration foreignHold;
  private final Set<String> unknownPrinters = ConcurrentHashMap.newKeySet();
  private volatile boolean running = true;

  /**
   * @param wait the long-poll wait
   * @param visibility how long a received message stays invisible before the first heartbeat
   *     extends it (set on the receive, so an agent killed at once does not hold it for the queue's
   *     default)
   * @param foreignHold how long a message for a printer this agent does not serve is hidden before
   *     another agent may receive it (see {@link ForeignMessages})
   */
  public QueuePoller(
      SqsClient sqs,
      String queueUrl,
      Duration wait,
      Duration visibility,
      Duration foreignHold,
      HeldMessages held,
      JobRouter router) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.wait = wait;
    this.visibility = visibility;
    this.held = held;
    this.router = router;
    this.foreign = new ForeignMessages(sqs, queueUrl, foreignHold);
    this.standby = new ForeignMessages(sqs, queueUrl, STANDBY_HOLD);
    this.foreignHold = foreignHold;
  }

  /**
   * Asks the loop to end after the long poll in progress; what it brings is given back, and so are
   * the other printers' messages it hid.
   */
  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    Duration errorPause = Duration.ofSeconds(1);
    int failures = 0;
    while (running) {
      try {
        List<Message> messages = receive();
        if (failures > 0) {
          log.atInfo()
              .addKeyValue("event", "queue.receiving")
              .addKeyValue("queue", queueUrl)
              .addKeyValue("failures", failures)
              .log("receiving again");
          failures = 0;
        }
        messages.forEach(this::handle);
        errorPause = Duration.ofSeconds(1);
      } catch (AbortedException e) {
        // interrupted by stop(); the loop condition decides
      } catch (SdkException e) {
        if (!running) {
          break;
        }
        // The first failure of a run is news; the retries of an outage are not.
        (failures++ == 0 ? log.atWarn() : log.atDebug())
            .addKeyValue("event", "queue.receive_failed")
            .addKeyValue("queue", queueUrl)
            .addKeyValue("retry_s", errorPause.toSeconds())
            .addKeyValue("error", e.getMessage())
            .log("receiving failed; trying again");
        if (!sleep(errorPause)) {
          break;
        }
        errorPause =
            errorPause.multipliedBy(2).compareTo(MAX_ERROR_PAUSE) > 0
                ? MAX_ERROR_PAUSE
                : errorPause.multipliedBy(2);
      }
    }
    if (!Thread.currentThread().isInterrupted()) { // a halt is a crash: it gives nothing back
      foreign.releaseAll();
      standby.releaseAll();
    }
  }

  private List<Message> receive() {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(queueUrl)
                    .maxNumberOfMessages(MAX_MESSAGES)
                    .visibilityTimeout((int) visibility.toSeconds())
                    .waitTimeSeconds((int) wait.toSeconds()))
        .messages();
  }

  private void handle(Message message) {
    JobMessage body;
    try {
      body = JobMessages.parse(message.body());
    } catch (IllegalArgumentException e) {
      // Never printable: given back at once, it is received again and again until the redrive
      // policy parks it in the dead-letter queue, in moments rather than after maxReceiveCount
      // visibility timeouts during which it would hold back its whole message group.
      log.atWarn()
          .addKeyValue("event", "queue.unreadable_message")
          .addKeyValue("queue", queueUrl)
          .addKeyValue("message", message.messageId())
          .addKeyValue("error", e.getMessage())
          .log("unreadable message given back");
      giveBack(message);
      return;
    }
    Received received = new Received(queueUrl, message.messageId(), message.receiptHandle(), body);
    if (router.standsBy(body.printerId())) {
      standby.hide(received); // back in sight soon, for the agent holding the printer's lease
      return;
    }
    if (!router.serves(body.printerId())) {
      if (unknownPrinters.add(body.printerId())) {
        log.atInfo()
            .addKeyValue("event", "queue.foreign_printer")
            .addKeyValue("printer", body.printerId())
            .addKeyValue("queue", queueUrl)
            .addKeyValue("hold_s", foreignHold.toSeconds())
            .log(
                "the printer is not served by this agent; its messages are hidden hold_s at a"
                    + " time for the agent that serves it (one queue prefix per site avoids this)");
      }
      foreign.hide(received);
      return;
    }
    held.admit(received)
        .ifPresent(
            job -> {
              if (running) {
                router.route(body.printerId(), job);
              } else {
                job.release(); // arrived while stopping: a restart gets it at once
              }
            });
  }

  private void giveBack(Message message) {
    try {
      sqs.changeMessageVisibility(
          b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
    } catch (SdkException e) {
      log.atDebug()
          .addKeyValue("event", "queue.release_failed")
          .addKeyValue("message", message.messageId())
          .addKeyValue("error", e.getMessage())
          .log("could not release the message");
    }
  }

  private static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }
}
