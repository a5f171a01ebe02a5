package io.printrelay.agent.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** One held job per job, whatever SQS delivers: redeliveries, re-sends, duplicates. */
class HeldMessagesTest {
  private final Sandbox aws = SharedEmbeddedAws.newSandbox();
  private final HeldMessages held = new HeldMessages(aws.sqs());

  @Test
  void aRedeliveryIsMergedAndItsNewReceiptHandleDeletesTheMessage() {
    send("job-1", Priority.NORMAL, 1);
    Received first = receive(Priority.NORMAL, 1);
    HeldJob job = held.admit(first).orElseThrow();

    Received again = receive(Priority.NORMAL, 30); // visible again after 1 s
    Optional<HeldMessage> second = held.admit(again);

    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(second).as("not handed to a printer twice").isEmpty();
    assertThat(held.size()).isEqualTo(1);
    job.complete();
    assertThat(messages(Priority.NORMAL)).isZero();
    assertThat(held.size()).isZero();
  }

  @Test
  void aNewerDispatchTakesTheHeldJobOverAndTheOlderMessageGoes() {
    send("job-1", Priority.NORMAL, 1);
    send("job-1", Priority.HIGH, 2); // its priority was changed
    HeldJob job = held.admit(receive(Priority.NORMAL, 30)).orElseThrow();
    long arrivedFirst = job.arrival();

    assertThat(held.admit(receive(Priority.HIGH, 30))).isEmpty();

    assertThat(job.priority()).isEqualTo(Priority.HIGH);
    assertThat(job.dispatch()).isEqualTo(2);
    assertThat(job.arrival()).isGreaterThan(arrivedFirst);
    assertThat(messages(Priority.NORMAL)).isZero();
    assertThat(job.completeUnlessReplaced(1)).as("dispatch 1 was replaced").isFalse();
    assertThat(job.completeUnlessReplaced(2)).isTrue();
    assertThat(messages(Priority.HIGH)).isZero();
  }

  @Test
  void anOlderOrDuplicateDispatchIsDeleted() {
    send("job-1", Priority.HIGH, 2);
    send("job-1", Priority.LOW, 1);
    HeldJob job = held.admit(receive(Priority.HIGH, 30)).orElseThrow();

    assertThat(held.admit(receive(Priority.LOW, 30))).isEmpty();

    assertThat(job.priority()).isEqualTo(Priority.HIGH);
    assertThat(messages(Priority.LOW)).isZero();
    assertThat(messages(Priority.HIGH)).isEqualTo(1);
  }

  @Test
  void releaseGivesTheMessageBackAtOnce() {
    send("job-1", Priority.NORMAL, 1);
    HeldJob job = held.admit(receive(Priority.NORMAL, 30)).orElseThrow();

    job.release();

    assertThat(visible(Priority.NORMAL)).isEqualTo(1);
    assertThat(held.size()).isZero();
  }

  @Test
  void theHeartbeatKeepsHeldMessagesInvisible() {
    send("job-1", Priority.NORMAL, 1);
    held.admit(receive(Priority.NORMAL, 1)).orElseThrow();

    held.keepAllInvisible(Duration.ofSeconds(30));

    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> visible(Priority.NORMAL) == 0);
    assertThat(messages(Priority.NORMAL)).isEqualTo(1);
  }

  private void send(String jobId, Priority priority, int dispatch) {
    aws.sqs()
        .sendMessage(
            JobMessages.sendRequest(
                aws.queueUrls().of(priority), new JobMessage(jobId, "line-1", priority, dispatch)));
  }

  /** Waits for one message, hiding it for {@code visibility} seconds. */
  private Received receive(Priority priority, int visibility) {
    String url = aws.queueUrls().of(priority);
    List<Message> messages = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (messages.isEmpty() && System.nanoTime() < deadline) {
      messages =
          aws.sqs()
              .receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).visibilityTimeout(visibility))
              .messages();
    }
    assertThat(messages).as("a message in " + priority).hasSize(1);
    Message m = messages.get(0);
    return new Received(url, m.messageId(), m.receiptHandle(), JobMessages.parse(m.body()));
  }

  private int visible(Priority priority) {
    return count(priority, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
  }

  private int messages(Priority priority) {
    return visible(priority)
        + count(priority, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
  }

  private int count(Priority priority, QueueAttributeName attribute) {
    Map<QueueAttributeName, String> attributes =
        aws.sqs()
            .getQueueAttributes(
                b -> b.queueUrl(aws.queueUrls().of(priority)).attributeNames(attribute))
            .attributes();
    return Integer.parseInt(attributes.get(attribute));
  }
}
