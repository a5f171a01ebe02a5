package io.printrelay.function.logging;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.LoggedLines;
import io.printrelay.function.testing.LoggedLines.Line;
import io.printrelay.model.Job;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API's request lines, over HTTP: who changed what, naming the job and the printer. */
@MicronautTest
class RequestLogHttpTest extends ApiTestBase {

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("note-probe.enabled", "true");
    return properties;
  }

  @BeforeAll
  void printers() {
    sandbox.registerPrinter("line-1");
  }

  @Test
  void pausingAJobLogsOneLineNamingTheJobAndItsPrinter() {
    Job job = sandbox.store(aJob().on("line-1").dispatched(1));

    try (LoggedLines lines = LoggedLines.record()) {
      Reply reply = api.act("/v1/jobs/" + job.jobId() + "/pause");

      assertThat(reply.status()).isEqualTo(200);
      Line line = requestLine(lines);
      assertThat(line.level()).isEqualTo(Level.INFO);
      assertThat(line.message())
          .matches("POST /v1/jobs/\\{jobId}/pause 200 \\d+ ms by api-key shift-lead");
      assertThat(line.mdc())
          .containsEntry(LogContext.JOB_ID, job.jobId())
          .containsEntry(LogContext.PRINTER_ID, "line-1");
    }
  }

  @Test
  void aRequestRefusedForWantOfAKeyIsLoggedAsAnonymous() {
    Job job = sandbox.store(aJob().on("line-1").dispatched(1));

    try (LoggedLines lines = LoggedLines.record()) {
      Reply reply = api.send(HttpRequest.POST("/v1/jobs/" + job.jobId() + "/pause", new byte[0]));

      assertThat(reply.status()).isEqualTo(401);
      Line line = requestLine(lines);
      assertThat(line.message()).matches("POST /v1/jobs/\\{jobId}/pause 401 \\d+ ms by anonymous");
      assertThat(line.mdc()).containsEntry(LogContext.JOB_ID, job.jobId());
    }
  }

  @Test
  void aSubmitLogsTheJobItMade() {
    try (LoggedLines lines = LoggedLines.record()) {
      Reply reply =
          api.submit(
              """
              {"printerId": "line-1", "reference": "MO/00042",
               "template": "^XA^FD{{product}}^FS^XZ",
               "labels": [{"data": {"product": "Tomato soup"}}]}""");

      assertThat(reply.status()).isEqualTo(201);
      Line line = requestLine(lines);
      assertThat(line.message()).matches("POST /v1/jobs 201 \\d+ ms by api-key odoo");
      assertThat(line.mdc())
          .containsEntry(LogContext.JOB_ID, reply.text("jobId"))
          .containsEntry(LogContext.PRINTER_ID, "line-1");
    }
  }

  @Test
  void readsLogNothingAtInfo() {
    Job job = sandbox.store(aJob().on("line-1").dispatched(1));

    try (LoggedLines lines = LoggedLines.record()) {
      assertThat(api.get("/v1/jobs/" + job.jobId()).status()).isEqualTo(200);
      assertThat(api.get("/v1/printers").status()).isEqualTo(200);

      assertThat(lines.all()).noneMatch(line -> line.level().isGreaterOrEqual(Level.INFO));
    }
  }

  @Test
  void theRequestsOwnLinesCarryTheJobItsPathNames() {
    try (LoggedLines lines = LoggedLines.record()) {
      Reply reply = api.send(HttpRequest.POST("/probe/jobs/job-42/note", new byte[0]));

      assertThat(reply.status()).isEqualTo(200);
      await()
          .untilAsserted(
              () ->
                  assertThat(lines.of(NoteController.class.getName()))
                      .singleElement()
                      .satisfies(
                          line ->
                              assertThat(line.mdc()).containsEntry(LogContext.JOB_ID, "job-42")));
    }
  }

  @Test
  void theOdooIntakesTokenIsNeverLogged() {
    String token = "intake-token-that-must-stay-secret";

    try (LoggedLines lines = LoggedLines.record()) {
      api.send(
          HttpRequest.POST("/v1/intake/odoo/" + token + "?again=" + token, "{\"id\": 1}")
              .contentType(MediaType.APPLICATION_JSON));

      assertThat(requestLine(lines).message()).startsWith("POST /v1/intake/odoo/{token} ");
      assertThat(lines.all())
          .noneMatch(line -> line.message().contains(token))
          .noneMatch(line -> line.mdc().values().stream().anyMatch(v -> v.contains(token)));
    }
  }

  /** The request's line, logged on the server's thread before the answer left. */
  private static Line requestLine(LoggedLines lines) {
    await().untilAsserted(() -> assertThat(lines.of(RequestLog.class.getName())).hasSize(1));
    return lines.of(RequestLog.class.getName()).get(0);
  }
}
