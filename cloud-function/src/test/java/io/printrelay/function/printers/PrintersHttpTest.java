package io.printrelay.function.printers;

import static io.printrelay.function.testing.Printers.aPrinter;
import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.PrinterState;
import io.printrelay.model.Priority;
import io.printrelay.table.ItemKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Printers over HTTP: status, queue counts, and the operator's pause, resume and clear. The API's
 * clock stands still at {@code now}, so how long the test takes never moves a printer past its
 * offline limit.
 */
@MicronautTest
class PrintersHttpTest extends ApiTestBase {
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @MockBean(Clock.class)
  Clock clock() {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    properties.put("printrelay.printers.offline-after", "60s");
    return properties;
  }

  @BeforeAll
  void registerPrinters() {
    sandbox.store(aPrinter("busy-1").seen(now.minusSeconds(50)).printing("printing-job"));
    sandbox.store(aPrinter("error-1").state(PrinterState.ERROR, "paper out"));
    sandbox.store(aPrinter("held-1").paused());
    sandbox.store(aPrinter("silent-1").seen(now.minusSeconds(120)).printing("stuck-job"));
    sandbox.store(aJob().on("busy-1").priority(Priority.HIGH));
    sandbox.store(aJob().on("busy-1"));
    sandbox.store(aJob().on("busy-1"));
    sandbox.store(aJob().on("busy-1").status(JobStatus.PAUSED));
    sandbox.store(aJob().on("busy-1").id("printing-job").printing(2, now));
    sandbox.store(aJob().on("busy-1").status(JobStatus.COMPLETED));
  }

  @Test
  void listsEveryRegisteredPrinterWithTheContractFields() {
    Reply reply = api.get("/v1/printers");

    assertThat(reply.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply
        .body()
        .get("printers")
        .values()
        .forEach(printer -> ids.add(printer.get("printerId").getStringValue()));
    assertThat(ids).contains("busy-1", "error-1", "held-1", "silent-1");
    JsonNode busy = reply.body().get("printers").get(0);
    List<String> fields = new ArrayList<>();
    busy.entries().forEach(entry -> fields.add(entry.getKey()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "printerId", "status", "detail", "agentId", "lastSeen", "currentJobId", "queued");
  }

  @Test
  void aPrinterHeardFromWithinOfflineAfterShowsWhatItsAgentReported() {
    Reply busy = api.get("/v1/printers/busy-1");

    assertThat(busy.text("status")).isEqualTo("printing");
    assertThat(busy.text("currentJobId")).isEqualTo("printing-job");
    assertThat(busy.text("agentId")).isEqualTo("agent-1");
    assertThat(busy.text("lastSeen")).isEqualTo(now.minusSeconds(50).toString());
    assertThat(api.get("/v1/printers/error-1").text("detail")).isEqualTo("paper out");
    assertThat(api.get("/v1/printers/error-1").text("status")).isEqualTo("error");
  }

  @Test
  void aPrinterWhoseAgentFellSilentIsOfflineWhateverItLastReported() {
    Reply silent = api.get("/v1/printers/silent-1");

    assertThat(silent.text("status")).isEqualTo("offline");
    assertThat(silent.text("detail")).startsWith("agent silent since");
  }

  @Test
  void anOperatorsPauseShowsAsPaused() {
    assertThat(api.get("/v1/printers/held-1").text("status")).isEqualTo("paused");
  }

  @Test
  void countsQueuedJobsPerTierButNotPausedPrintingOrFinishedOnes() {
    JsonNode queued = api.get("/v1/printers/busy-1").body().get("queued");

    assertThat(queued.get("high").getIntValue()).isEqualTo(1);
    assertThat(queued.get("normal").getIntValue()).isEqualTo(2);
    assertThat(queued.get("low").getIntValue()).isZero();
  }

  @Test
  void anUnknownPrinterIs404() {
    assertProblem(api.get("/v1/printers/nobody"), 404);
    assertProblem(api.get("/v1/printers/not%20an%20id"), 404);
    assertProblem(api.act("/v1/printers/nobody/pause"), 404);
    assertProblem(api.act("/v1/printers/nobody/resume"), 404);
    assertProblem(api.act("/v1/printers/nobody/clear"), 404);
    assertThat(
            sandbox
                .dynamoDb()
                .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.printer("nobody")))
                .hasItem())
        .as("a pause registers no printer")
        .isFalse();
  }

  @Test
  void aPauseIsKeptOnThePrinterUntilResumed() {
    sandbox.store(aPrinter("line-p"));

    Reply paused = api.act("/v1/printers/line-p/pause");

    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.text("status")).isEqualTo("paused");
    assertThat(sandbox.printer("line-p").paused()).isTrue();
    assertThat(api.act("/v1/printers/line-p/pause").text("status")).isEqualTo("paused");

    Reply resumed = api.act("/v1/printers/line-p/resume");

    assertThat(resumed.text("status")).isEqualTo("ready");
    assertThat(sandbox.printer("line-p").paused()).isFalse();
  }

  @Test
  void clearingCancelsEveryWaitingJobAndLeavesThePrintingOne() {
    sandbox.store(aPrinter("line-c"));
    Job queued = sandbox.store(aJob().on("line-c"));
    Job urgent = sandbox.store(aJob().on("line-c").priority(Priority.HIGH));
    Job paused = sandbox.store(aJob().on("line-c").status(JobStatus.PAUSED));
    Job printing = sandbox.store(aJob().on("line-c").printing(1, now));
    Job done = sandbox.store(aJob().on("line-c").status(JobStatus.COMPLETED));

    Reply reply = api.act("/v1/printers/line-c/clear");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("printerId")).isEqualTo("line-c");
    assertThat(reply.body().get("cancelled").getIntValue()).isEqualTo(3);
    for (Job job : List.of(queued, urgent, paused)) {
      assertThat(sandbox.job(job.jobId()).status()).isEqualTo(JobStatus.CANCELLED);
    }
    assertThat(sandbox.job(printing.jobId())).isEqualTo(printing);
    assertThat(sandbox.job(done.jobId())).isEqualTo(done);
    assertThat(api.get("/v1/printers/line-c").body().get("queued").get("normal").getIntValue())
        .isZero();
  }
}
