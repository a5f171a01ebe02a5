package io.printrelay.agent.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueProvisioner;
import io.printrelay.queue.QueueUrls;
import io.printrelay.testing.SharedEmbeddedAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A poller on real ElasticMQ queues that park a message after only {@value #MAX_RECEIVES} receives:
 * whom an agent serves and how long a job waits never push a message there.
 */
class NoMessageToTheDeadLetterQueueTest {
  private static final int MAX_RECEIVES = 2;
  private static final Duration POLL_WAIT = Duration.ofSeconds(1);

  private final SqsClient sqs = SharedEmbeddedAws.get().sqsClient();
  private final QueueNames names =
      new QueueNames("dlq-" + UUID.randomUUID().toString().substring(0, 8));
  private final QueueUrls queues = QueueProvisioner.createIfAbsent(sqs, names, MAX_RECEIVES);
  private final QueueUrls deadLetters = QueueUrls.resolveDeadLetters(sqs, names);
  private final List<Running> running = new ArrayList<>();

  @AfterEach
  void stopPollers() throws InterruptedException {
    for (Running poller : running) {
      poller.stop();
    }
  }

  @Test
  void aMessageForAPrinterThisAgentDoesNotServeWaitsForTheAgentThatDoes() throws Exception {
    Running otherSite = poll("line-1", Duration.ofSeconds(30));
    send(new JobMessage("job-1", "line-2", Priority.NORMAL, 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> otherSite.router.asked.contains("line-2"));

    await()
        .during(Duration.ofSeconds(3)) // three poll cycles and more
        .atMost(Duration.ofSeconds(5))
        .until(() -> inDeadLetterQueue() == 0 && inQueue() == 1);

    otherSite.stop();
    Running ownSite = poll("line-2", Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(10)).until(() -> !ownSite.router.routed.isEmpty());
    assertThat(ownSite.router.routed).extracting(HeldJob::jobId).containsExactly("job-1");
    assertThat(otherSite.router.routed).isEmpty();
  }

  @Test
  void aHeldMessageWhoseVisibilityRanOutIsMergedAndKeptWithoutCountingOnAndOn() {
    // Visibility 3 s and no heartbeat yet: as if its extensions failed during a network outage.
    Running agent = poll("line-1", Duration.ofSeconds(3));
    send(new JobMessage("job-1", "line-1", Priority.NORMAL, 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> agent.router.routed.size() == 1);
    HeldMessage job = (HeldMessage) agent.router.routed.get(0);
    String firstReceipt = job.receiptHandle();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !job.receiptHandle().equals(firstReceipt)); // received again: merged

    agent.held.keepAllInvisible(Duration.ofSeconds(30)); // the network is back: the next beat

    await()
        .during(Duration.ofSeconds(4)) // past the 3 s it would otherwise come back after
        .atMost(Duration.ofSeconds(6))
        .until(() -> inDeadLetterQueue() == 0 && inQueue() == 1);
    assertThat(agent.router.routed).as("handed to its printer once").hasSize(1);
    assertThat(agent.held.size()).isEqualTo(1);
  }

  @Test
  void anUnreadableMessageIsParkedAtOnceInsteadOfBlockingItsGroup() {
    poll("line-1", Duration.ofSeconds(30));
    sqs.sendMessage(
        b ->
            b.queueUrl(queues.of(Priority.NORMAL))
                .messageBody("not a job")
                .messageGroupId("line-1")
                .messageDeduplicationId("garbage"));

    await().atMost(Duration.ofSeconds(10)).until(() -> inDeadLetterQueue() == 1);
  }

  private Running poll(String servedPrinter, Duration visibility) {
    HeldMessages held = new HeldMessages(sqs);
    Router router = new Router(servedPrinter);
    QueuePoller poller =
        new QueuePoller(
            sqs,
            queues.of(Priority.NORMAL),
            POLL_WAIT,
            visibility,
            Duration.ofHours(1),
            held,
            router);
    Running started =
        new Running(poller, held, router, Thread.ofVirtual().name("poll-test").start(poller));
    running.add(started);
    return started;
  }

  private void send(JobMessage message) {
    sqs.sendMessage(JobMessages.sendRequest(queues.of(message.priority()), message));
  }

  private int inQueue() {
    return count(queues.of(Priority.NORMAL));
  }

  private int inDeadLetterQueue() {
    return count(deadLetters.of(Priority.NORMAL));
  }

  private int count(String url) {
    return sqs
        .getQueueAttributes(
            b ->
                b.queueUrl(url)
                    .attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes()
        .values()
        .stream()
        .mapToInt(Integer::parseInt)
        .sum();
  }

  private record Running(QueuePoller poller, HeldMessages held, Router router, Thread thread) {
    void stop() throws InterruptedException {
      poller.stop();
      thread.join(Duration.ofSeconds(10));
    }
  }

  /** Serves one printer and keeps every job handed to it (a printer busy with another job). */
  private static final class Router implements JobRouter {
    private final String served;
    final Set<String> asked = ConcurrentHashMap.newKeySet();
    final List<HeldJob> routed = new CopyOnWriteArrayList<>();

    Router(String served) {
      this.served = served;
    }

    @Override
    public boolean serves(String printerId) {
      asked.add(printerId);
      return served.equals(printerId);
    }

    @Override
    public boolean standsBy(String printerId) {
      return false;
    }

    @Override
    public void route(String printerId, HeldJob job) {
      routed.add(job);
    }
  }
}
