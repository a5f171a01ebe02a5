package io.printrelay.agent;

import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.agent.status.AgentStatus;
import io.printrelay.agent.status.StatusJson;
import io.printrelay.aws.AwsClientSetup;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.testing.LoopbackForwarder;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /status} of a running agent, asked over HTTP as {@code printrelay agent status} asks
 * it (docs/printing.md#agent-status): each printer's state, job, label and lease, the cloud, what
 * waits to sync.
 */
@Timeout(120)
class AgentStatusTest {
  private static final InetSocketAddress ANY_LOOPBACK_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final AgentTestBed bed = new AgentTestBed();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void tearDown() {
    bed.close();
    http.close();
  }

  @Test
  void tellsWhatEachPrinterIsDoing() {
    VirtualPrinter busy = bed.printer("line-1", Duration.ofMillis(100));
    VirtualPrinter idle = bed.printer("line-2", Duration.ofMillis(100));
    Agent agent = bed.start(bed.config(busy, idle).statusAddress(ANY_LOOPBACK_PORT).build());
    String jobId = bed.submit("line-1", Priority.NORMAL, 30);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              AgentStatus.Printer printer = printer(status(agent), "line-1");
              return jobId.equals(printer.currentJob())
                  && printer.currentLabel() != null
                  && printer.currentLabel() >= 2;
            });
    String json = get(agent).body();
    AgentStatus status = StatusJson.read(json);
    assertThat(status.agentId()).isEqualTo("test-agent");
    assertThat(status.version()).as("the build's version").matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(status.cloud()).isEqualTo(new AgentStatus.Cloud(true, null));
    assertThat(status.printers())
        .extracting(AgentStatus.Printer::id)
        .containsExactly("line-1", "line-2");
    AgentStatus.Printer printing = printer(status, "line-1");
    assertThat(printing.state()).isEqualTo("printing");
    assertThat(printing.host()).isEqualTo("127.0.0.1");
    assertThat(printing.port()).isEqualTo(busy.port());
    assertThat(printing.currentJobLabels()).isEqualTo(30);
    assertThat(printing.leaseHeld()).isTrue();
    assertThat(printer(status, "line-2"))
        .isEqualTo(
            new AgentStatus.Printer(
                "line-2", "127.0.0.1", idle.port(), "ready", null, null, null, null, true));
    // The field names are the contract with whatever reads the endpoint, not only with the table.
    assertThat(json)
        .contains(
            "\"version\":",
            "\"agentId\":\"test-agent\"",
            "\"cloud\":{\"reachable\":true,\"downSince\":null}",
            "\"labelsWaitingToSync\":",
            "\"currentJob\":\"" + jobId + "\"",
            "\"currentLabel\":",
            "\"leaseHeld\":true");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              AgentStatus after = status(agent);
              assertThat(printer(after, "line-1").state()).isEqualTo("ready");
              assertThat(printer(after, "line-1").currentJob()).isNull();
              assertThat(after.labelsWaitingToSync()).isZero();
            });
  }

  @Test
  void aPrinterOfflineSaysWhy() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    printer.refuseConnections(true);
    Agent agent = bed.start(bed.config(printer).statusAddress(ANY_LOOPBACK_PORT).build());
    String jobId = bed.submit("line-1", Priority.NORMAL, 3);
    await().atMost(Duration.ofSeconds(20)).until(() -> bed.job(jobId).status() == JobStatus.FAILED);

    AgentStatus.Printer offline = printer(status(agent), "line-1");
    assertThat(offline.state()).isEqualTo("offline");
    assertThat(offline.detail()).contains("cannot connect");
    assertThat(offline.currentJob()).isNull();
  }

  @Test
  void aStandbySaysItDoesNotHoldThePrintersLease() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    Agent holder = bed.start(bed.config(printer).statusAddress(ANY_LOOPBACK_PORT).build());
    Agent standby =
        bed.start(bed.config(printer).agentId("spare-pi").statusAddress(ANY_LOOPBACK_PORT).build());

    assertThat(printer(status(holder), "line-1").leaseHeld()).isTrue();
    AgentStatus spare = status(standby);
    assertThat(spare.agentId()).isEqualTo("spare-pi");
    assertThat(printer(spare, "line-1").leaseHeld()).isFalse();
  }

  @Test
  void saysSinceWhenTheCloudIsAwayAndHowManyLabelsWaitToSync() {
    try (LoopbackForwarder toTable = LoopbackForwarder.to(bed.aws.aws().dynamoDbEndpoint());
        DynamoDbClient dynamoDb =
            AwsClientSetup.configure(DynamoDbClient.builder(), toTable.endpoint(), null)
                .httpClientBuilder(
                    UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(3)))
                .overrideConfiguration(
                    o ->
                        o.retryStrategy(
                            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(2)
                                .build()))
                .build()) {
      VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(40));
      Agent agent =
          bed.start(
              bed.config(printer).statusAddress(ANY_LOOPBACK_PORT).build(),
              bed.aws.sqs(),
              dynamoDb);
      String jobId = bed.submit("line-1", Priority.NORMAL, 80);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> printedIndexes(printer, jobId).size() >= 10);

      toTable.refuse();

      await("the cloud shows as away, with the labels printed meanwhile")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                AgentStatus status = status(agent);
                return !status.cloud().reachable() && status.labelsWaitingToSync() >= 5;
              });
      assertThat(status(agent).cloud().downSince()).isNotNull();

      toTable.restore();

      await("everything synced once the table is back")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                AgentStatus status = status(agent);
                assertThat(status.cloud()).isEqualTo(new AgentStatus.Cloud(true, null));
                assertThat(status.labelsWaitingToSync()).isZero();
                assertThat(bed.job(jobId).status()).isEqualTo(JobStatus.COMPLETED);
              });
    }
  }

  @Test
  void theStatusCommandPrintsATableAndFailsWhenNoAgentAnswers() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    Agent agent = bed.start(bed.config(printer).statusAddress(ANY_LOOPBACK_PORT).build());
    String port = String.valueOf(agent.statusAddress().orElseThrow().getPort());

    Run answered = statusCommand("--status-port", port);
    assertThat(answered.code()).isZero();
    assertThat(answered.out())
        .contains("test-agent", "reachable")
        .containsPattern("(?m)^PRINTER +ADDRESS +STATE")
        .containsPattern("(?m)^line-1 +127\\.0\\.0\\.1:" + printer.port() + " +ready +- +- +held");

    agent.halt();
    Run unanswered = statusCommand("--status-port", port);
    assertThat(unanswered.code()).isEqualTo(1);
    assertThat(unanswered.err()).contains("no agent answers at http://127.0.0.1:" + port);
  }

  @Test
  void answersOnlyGetStatus() throws Exception {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    Agent agent = bed.start(bed.config(printer).statusAddress(ANY_LOOPBACK_PORT).build());
    URI base = URI.create("http://127.0.0.1:" + agent.statusAddress().orElseThrow().getPort());

    assertThat(
            http.send(
                    HttpRequest.newBuilder(base.resolve("/jobs")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(base.resolve("/status"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(405);
  }

  private record Run(int code, String out, String err) {}

  private static Run statusCommand(String... flags) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[flags.length + 1];
    args[0] = "status";
    System.arraycopy(flags, 0, args, 1, flags.length);
    int code =
        AgentMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private AgentStatus status(Agent agent) {
    HttpResponse<String> response = get(agent);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    return StatusJson.read(response.body());
  }

  private HttpResponse<String> get(Agent agent) {
    InetSocketAddress address = agent.statusAddress().orElseThrow();
    URI uri = URI.create("http://127.0.0.1:" + address.getPort() + "/status");
    try {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static AgentStatus.Printer printer(AgentStatus status, String id) {
    return status.printers().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }
}
