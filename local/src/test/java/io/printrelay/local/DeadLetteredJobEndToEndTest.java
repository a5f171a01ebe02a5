package io.printrelay.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import io.printrelay.agent.Agent;
import io.printrelay.agent.AgentConfig;
import io.printrelay.agent.printing.PrinterEndpoint;
import io.printrelay.model.Priority;
import io.printrelay.queue.QueueUrls;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A job whose queue message ended in the dead-letter queue, in the whole system: it shows as
 * dead-lettered, and once its printer takes work again the dispatch sweep sends it again and the
 * agent prints it. "Queued" means it will print.
 */
class DeadLetteredJobEndToEndTest {
  private static final String KEY = "dlq-key";
  private static final String PASSWORD = "dlq-password";
  private static LocalSystem system;
  private static ApiClient api;
  private static OperatorSession operator;
  private static Agent secondAgent;

  @BeforeAll
  static void startSystem() {
    LocalOptions options =
        new LocalOptions(0, 0, 0, null, KEY, PASSWORD, List.of(), 1, 5, true, false, "127.0.0.1");
    // The sweep as in AWS, only faster: every second, a queued job counts as stale after 3 s.
    system =
        LocalSystem.start(
            options,
            Map.of(
                "printrelay.dispatch-sweep.interval", "1s",
                "printrelay.dispatch-sweep.stale-after", "3s"));
    api = new ApiClient(system.baseUrl(), KEY, system.api().getBean(JsonMapper.class));
    operator = OperatorSession.signIn(system.baseUrl(), "operator", PASSWORD);
  }

  @AfterAll
  static void stopSystem() {
    if (secondAgent != null) {
      secondAgent.close();
    }
    if (system != null) {
      system.close();
    }
  }

  @Test
  void aJobWhoseMessageWasDeadLetteredPrintsOnceItsPrinterTakesWorkAgain() {
    VirtualPrinter printer = system.virtualPrinters().get(0);
    // Paused, and its agent gone: nothing holds the job's message while we wear it out.
    assertThat(operator.post("/v1/printers/" + printer.name() + "/pause")).isEqualTo(200);
    system.agent().close();
    int printedBefore = printer.printedCount();

    ApiClient.Response created =
        api.post("/v1/jobs", job(printer.name(), 3, Priority.NORMAL.wireName()));
    assertThat(created.status()).isEqualTo(201);
    String jobId = (String) created.body().get("jobId");
    receiveUntilDeadLettered(Priority.NORMAL);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Boolean.TRUE.equals(api.job(jobId).get("deadLettered")));
    assertThat(api.job(jobId)).containsEntry("status", "queued");
    assertThat(api.get("/health")).containsEntry("deadLetters", 1);

    secondAgent = Agent.start(agentFor(printer), sqs(), system.aws().dynamoDbClient());
    assertThat(operator.post("/v1/printers/" + printer.name() + "/resume")).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "completed".equals(api.job(jobId).get("status")));
    assertThat(printer.printedCount()).isEqualTo(printedBefore + 3);
    assertThat(api.job(jobId)).containsEntry("printed", 3).containsEntry("deadLettered", false);
    await()
        .atMost(Duration.ofSeconds(20))
        .alias("the sweep deletes the old message")
        .until(() -> Integer.valueOf(0).equals(api.get("/health").get("deadLetters")));
  }

  /** Receives the tier's message without ever deleting it, until SQS parks it. */
  private static void receiveUntilDeadLettered(Priority tier) {
    String queue = QueueUrls.resolve(sqs(), LocalSystem.QUEUES).of(tier);
    String deadLetters = QueueUrls.resolveDeadLetters(sqs(), LocalSystem.QUEUES).of(tier);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              sqs().receiveMessage(b -> b.queueUrl(queue).visibilityTimeout(0).waitTimeSeconds(1));
              return messages(deadLetters) == 1;
            });
  }

  private static int messages(String queueUrl) {
    return sqs()
        .getQueueAttributes(
            b ->
                b.queueUrl(queueUrl)
                    .attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes()
        .values()
        .stream()
        .mapToInt(Integer::parseInt)
        .sum();
  }

  private static AgentConfig agentFor(VirtualPrinter printer) {
    return AgentConfig.builder()
        .agentId("local-replacement")
        .table(LocalSystem.TABLE)
        .queueNames(LocalSystem.QUEUES)
        .printers(List.of(new PrinterEndpoint(printer.name(), "127.0.0.1", printer.port())))
        .pollWait(Duration.ofSeconds(1))
        .printerHeartbeat(Duration.ofSeconds(1)) // a lease left by a crashed agent runs out in 3 s
        .build();
  }

  private static SqsClient sqs() {
    return system.aws().sqsClient();
  }

  private static Map<String, Object> job(String printerId, int labels, String priority) {
    Map<String, Object> body = LocalSystemEndToEndTest.templateJob(printerId, labels);
    body.put("priority", priority);
    return body;
  }
}
