package io.printrelay.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import io.printrelay.agent.Agent;
import io.printrelay.agent.AgentConfig;
import io.printrelay.agent.printing.PrinterEndpoint;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.JobQueries;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/printing.md#uncertain-labels: a job cancelled while a label is on its way to the printer,
 * then resumed. The real function and real agents, on a virtual printer whose paper runs out: the
 * label is then written but not confirmed, which holds it in flight for as long as the test needs,
 * and loading paper lets it finish. The agents are the test's own, so one can be halted as a crash
 * would stop it and another started in its place.
 */
class CancelInFlightEndToEndTest {
  private static final String KEY = "cancel-e2e-key";
  private static final String PASSWORD = "cancel-e2e-password";
  private static final Pattern BOX = Pattern.compile("\\^FDBox (\\d+) of \\d+\\^FS");
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private static LocalSystem system;
  private static ApiClient api;
  private static OperatorSession operator;
  private static JsonMapper json;
  private static VirtualPrinter printer;

  private final List<Agent> agents = new ArrayList<>();
  private final List<String> jobs = new ArrayList<>();

  @BeforeAll
  static void start() {
    system =
        LocalSystem.start(
            new LocalOptions(
                0, 0, 0, null, KEY, PASSWORD, List.of(), 1, 5, false, false, "127.0.0.1"));
    json = system.api().getBean(JsonMapper.class);
    api = new ApiClient(system.baseUrl(), KEY, json);
    operator = OperatorSession.signIn(system.baseUrl(), "operator", PASSWORD);
    printer = system.virtualPrinters().getFirst();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  /** Cancels what a failed test left waiting, so the next test's job is the printer's next. */
  @AfterEach
  void tidyUp() {
    for (String jobId : jobs) {
      operator.post("/v1/jobs/" + jobId + "/cancel"); // a 409 for a finished one: fine
    }
    printer.paperOut(false);
    agents.forEach(Agent::close);
  }

  @Test
  void aLabelInFlightWhenItsJobIsCancelledIsRecordedPrintedAndResumeCopiesItFlaggedUncertain() {
    startAgent("agent-1");
    String product = marker();
    printer.paperOut(true);
    String jobId = submit(product, 4);
    awaitInFlight(jobId, 1);

    assertThat(operator.post("/v1/jobs/" + jobId + "/cancel")).isEqualTo(200);
    OperatorSession.Answer resumed = operator.act("/v1/jobs/" + jobId + "/resume");

    assertThat(resumed.status()).isEqualTo(201);
    String childId = (String) parse(resumed.body()).get("jobId");
    jobs.add(childId);
    // The printer still holds label 1 for want of paper: it may yet print, or not.
    assertThat(api.labels(jobId).getFirst()).containsEntry("status", "pending");
    assertThat(api.job(childId)).containsEntry("uncertainLabels", List.of(1));
    assertThat(api.labels(childId))
        .map(label -> label.get("uncertain"))
        .containsExactly(true, false, false, false);
    assertThat(api.job(jobId)).containsEntry("resumedAs", childId);

    printer.paperOut(false);

    awaitStatus(childId, "completed");
    // The cancelled job says the truth: label 1 is on paper.
    assertThat(api.job(jobId))
        .containsEntry("status", "cancelled")
        .containsEntry("printed", 1)
        .containsEntry("uncertainLabels", List.of());
    assertThat(api.labels(jobId).getFirst()).containsEntry("status", "printed");
    assertThat(tableJob(jobId).inFlightLabel()).isNull();
    assertThat(api.job(childId))
        .containsEntry("printed", 4)
        .containsEntry("uncertainLabels", List.of(1));
    // Box 1 twice, the duplicate the new job warned of; then the rest, once each.
    awaitBoxes(product, List.of(1, 1, 2, 3, 4));

    OperatorSession.Answer again = operator.act("/v1/jobs/" + jobId + "/resume");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains(childId);
  }

  @Test
  void aLabelLeftInFlightByAnAgentThatCrashedIsCopiedFlaggedUncertainWhenItsJobIsResumed() {
    Agent crashing = startAgent("agent-crashing");
    String product = marker();
    printer.paperOut(true);
    String jobId = submit(product, 4);
    awaitInFlight(jobId, 1);

    crashing.halt(); // as kill -9: the connection is cut, nothing more is written
    assertThat(operator.post("/v1/jobs/" + jobId + "/cancel")).isEqualTo(200);
    printer.paperOut(false); // the label the crash left in the printer's buffer prints
    awaitBoxes(product, List.of(1));
    startAgent("agent-restarted");

    OperatorSession.Answer resumed = operator.act("/v1/jobs/" + jobId + "/resume");

    assertThat(resumed.status()).isEqualTo(201);
    String childId = (String) parse(resumed.body()).get("jobId");
    jobs.add(childId);
    assertThat(api.job(childId)).containsEntry("uncertainLabels", List.of(1));
    assertThat(api.labels(childId))
        .map(label -> label.get("uncertain"))
        .containsExactly(true, false, false, false);
    awaitStatus(childId, "completed");
    awaitBoxes(product, List.of(1, 1, 2, 3, 4));
    // Nothing takes a cancelled job back: its mark still says label 1's outcome is unknown.
    Job cancelled = tableJob(jobId);
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.inFlightLabel()).isEqualTo(1);
    assertThat(cancelled.printed()).isZero();
  }

  private Agent startAgent(String agentId) {
    AgentConfig config =
        AgentConfig.builder()
            .agentId(agentId)
            .table(LocalSystem.TABLE)
            .queueNames(LocalSystem.QUEUES)
            .printers(List.of(new PrinterEndpoint(printer.name(), "127.0.0.1", printer.port())))
            .pollWait(Duration.ofSeconds(1))
            .visibility(Duration.ofSeconds(6), Duration.ofSeconds(2))
            .printerHeartbeat(
                Duration.ofSeconds(1)) // a lease left by a crashed agent runs out in 3 s
            .build();
    Agent agent = Agent.start(config, system.aws().sqsClient(), system.aws().dynamoDbClient());
    agents.add(agent);
    return agent;
  }

  private String submit(String product, int labels) {
    List<Map<String, Object>> data = new ArrayList<>();
    for (int n = 1; n <= labels; n++) {
      data.add(Map.of("data", Map.of("product", product, "n", n, "total", labels)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("printerId", printer.name());
    body.put("reference", product);
    body.put(
        "template",
        "^XA^FO30,30^A0N,40^FD{{product}}^FS^FO30,90^A0N,30^FDBox {{n}} of {{total}}^FS^XZ");
    body.put("labels", data);
    ApiClient.Response created = api.post("/v1/jobs", body);
    assertThat(created.status()).isEqualTo(201);
    String jobId = (String) created.body().get("jobId");
    jobs.add(jobId);
    return jobId;
  }

  /** The label's bytes are in the printer, which cannot confirm them: it is in flight. */
  private static void awaitInFlight(String jobId, int index) {
    await()
        .atMost(SETTLE)
        .until(
            () ->
                printer.bufferedCount() == 1
                    && Integer.valueOf(index).equals(tableJob(jobId).inFlightLabel()));
  }

  private static void awaitStatus(String jobId, String status) {
    await().atMost(SETTLE).until(() -> status.equals(api.job(jobId).get("status")));
  }

  private static void awaitBoxes(String product, List<Integer> expected) {
    await()
        .atMost(SETTLE)
        .untilAsserted(() -> assertThat(boxes(product)).containsExactlyElementsOf(expected));
  }

  /** The box numbers of this product's labels the printer printed, in order. */
  private static List<Integer> boxes(String product) {
    List<Integer> boxes = new ArrayList<>();
    for (String format : printer.printed()) {
      Matcher box = BOX.matcher(format);
      if (format.contains(product) && box.find()) {
        boxes.add(Integer.parseInt(box.group(1)));
      }
    }
    return boxes;
  }

  private static Job tableJob(String jobId) {
    return ItemMapper.job(
        system.aws().dynamoDbClient().getItem(JobQueries.job(LocalSystem.TABLE, jobId)).item());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String body) {
    try {
      return json.readValue(body, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String marker() {
    return "inflight-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
