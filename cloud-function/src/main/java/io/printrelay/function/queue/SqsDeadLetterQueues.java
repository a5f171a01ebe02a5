package io.printrelay.function.queue;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.health.DeadLetterCount;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueUrls;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The three dead-letter queues on SQS, looked up on first use. A queue whose count says it is empty
 * is not received from, so a run with nothing dead-lettered costs three attribute reads.
 */
@Singleton
public class SqsDeadLetterQueues implements DeadLetterQueues, DeadLetterCount {
  private static final Logger LOG = LoggerFactory.getLogger(SqsDeadLetterQueues.class);
  private static final int BATCH = 10; // SQS's limit per ReceiveMessage
  // Only if the reader dies before it deletes or puts back what it read: then the next run sees
  // them again.
  private static final int HIDDEN_SECONDS = 20;
  private static final List<QueueAttributeName> COUNTS =
      List.of(
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);

  private final SqsClient sqs;
  private final QueueNames names;
  private volatile QueueUrls urls;

  public SqsDeadLetterQueues(SqsClient sqs, PrintrelaySettings settings) {
    this.sqs = sqs;
    this.names = new QueueNames(settings.queuePrefix());
  }

  @Override
  public OptionalInt count() {
    try {
      int total = 0;
      for (Priority tier : Priority.values()) {
        total += count(tier).values().stream().mapToInt(Integer::parseInt).sum();
      }
      return OptionalInt.of(total);
    } catch (SdkException e) {
      LOG.warn("Cannot count the dead-letter queues: {}", e.getMessage());
      return OptionalInt.empty();
    }
  }

  @Override
  public List<DeadLetter> read(int max) {
    List<DeadLetter> found = new ArrayList<>();
    for (Priority tier : Priority.values()) {
      String visible = count(tier).get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      while (found.size() < max && !"0".equals(visible)) {
        List<Message> batch = receive(tier, Math.min(BATCH, max - found.size()));
        if (batch.isEmpty()) {
          break;
        }
        batch.forEach(message -> found.add(deadLetter(tier, message)));
      }
    }
    return found;
  }

  private Map<QueueAttributeName, String> count(Priority tier) {
    String url = urls().of(tier);
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(COUNTS)).attributes();
  }

  // A short long poll: a FIFO short poll may answer empty while messages wait.
  private List<Message> receive(Priority tier, int count) {
    String url = urls().of(tier);
    return sqs.receiveMessage(
            b ->
                b.queueUrl(url)
                    .maxNumberOfMessages(count)
                    .visibilityTimeout(HIDDEN_SECONDS)
                    .waitTimeSeconds(1))
        .messages();
  }

  private DeadLetter deadLetter(Priority tier, Message message) {
    Optional<JobMessage> body;
    try {
      body = Optional.of(JobMessages.parse(message.body()));
    } catch (IllegalArgumentException notAJob) {
      body = Optional.empty();
    }
    String url = urls().of(tier);
    String receipt = message.receiptHandle();
    return new DeadLetter(
        tier,
        message.messageId(),
        body,
        () ->
            quietly("delete", () -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(receipt))),
        () ->
            quietly(
                "put back",
                () ->
                    sqs.changeMessageVisibility(
                        b -> b.queueUrl(url).receiptHandle(receipt).visibilityTimeout(0))));
  }

  // A failure leaves the message where it is: hidden for a while, then seen by the next run.
  private static void quietly(String what, Runnable call) {
    try {
      call.run();
    } catch (SdkException e) {
      LOG.warn("Cannot {} a dead-lettered message: {}", what, e.getMessage());
    }
  }

  private QueueUrls urls() {
    QueueUrls known = urls;
    if (known == null) {
      known = QueueUrls.resolveDeadLetters(sqs, names);
      urls = known;
    }
    return known;
  }
}
