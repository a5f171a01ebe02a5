package io.printrelay.function.lambda;

import static io.printrelay.function.lambda.ApiGatewayEvents.body;
import static io.printrelay.function.lambda.ApiGatewayEvents.header;
import static io.printrelay.function.lambda.ApiGatewayEvents.load;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.printrelay.function.logging.LogContext;
import io.printrelay.function.logging.RequestLog;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.function.testing.LoggedLines;
import io.printrelay.function.testing.LoggedWarnings;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessages;
import io.printrelay.table.ItemKeys;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The handler AWS Lambda runs ({@link ApiGatewayHandler}), fed real API Gateway HTTP API payload
 * 2.0 events: the same controllers, security and problems as on Netty, without a server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayFunctionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();
  private ApiGatewayHandler function;

  @BeforeAll
  void startFunction() {
    sandbox.registerPrinter("line-1");
    function =
        new ApiGatewayHandler(
            ApplicationContext.builder().properties(sandbox.properties()).build());
  }

  @AfterAll
  void stopFunction() {
    function.close();
  }

  @Test
  void snapStartPrimingRunsTheSubmitPathAndWritesNothing() {
    long jobs = sandbox.countItems("job");
    int messages = sandbox.messagesWaiting();
    try (LoggedWarnings warnings = LoggedWarnings.record()) {
      SnapStartPriming.Primed primed =
          SnapStartPriming.prime(function, function.getApplicationContext());

      assertThat(primed).isEqualTo(new SnapStartPriming.Primed(200, 401, "InvalidInput"));
      assertThat(warnings.all()).isEmpty();
    }
    assertThat(sandbox.countItems("job")).isEqualTo(jobs);
    assertThat(sandbox.messagesWaiting()).isEqualTo(messages);
  }

  @Test
  void aBase64EncodedSubmitIsStoredAndQueuedAndCanBeReadBack() throws Exception {
    APIGatewayV2HTTPResponse created = handle(load("post-job.json"));

    assertThat(created.getStatusCode()).isEqualTo(201);
    JsonNode job = JSON.readTree(body(created));
    String jobId = job.get("jobId").asText();
    assertThat(header(created, "Location")).isEqualTo("/v1/jobs/" + jobId);
    assertThat(job.get("reference").asText()).isEqualTo("SO/0042");
    assertThat(job.get("total").asInt()).isEqualTo(2);
    assertThat(
            sandbox
                .dynamoDb()
                .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.label(jobId, 2)))
                .item())
        .containsKey("content");
    assertThat(sandbox.drain(Priority.HIGH))
        .extracting(m -> JobMessages.parse(m.body()).jobId())
        .containsExactly(jobId);

    APIGatewayV2HTTPResponse again = handle(load("post-job.json"));
    assertThat(again.getStatusCode()).as("same Idempotency-Key").isEqualTo(200);
    assertThat(JSON.readTree(body(again)).get("jobId").asText()).isEqualTo(jobId);

    APIGatewayV2HTTPResponse read = handle(load("get-job.json", Map.of("JOB_ID", jobId)));
    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(body(read)).get("status").asText()).isEqualTo("queued");

    APIGatewayV2HTTPResponse list = handle(load("list-jobs.json"));
    assertThat(list.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(body(list)).get("jobs").get(0).get("jobId").asText()).isEqualTo(jobId);
  }

  @Test
  void invalidValuesAre422WithEveryField() throws Exception {
    APIGatewayV2HTTPResponse response = handle(load("post-job-invalid.json"));

    assertProblem(response, 422);
    JsonNode errors = JSON.readTree(body(response)).get("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly("priority", "labels[0].raw");
  }

  @Test
  void aBodyOver5MiBIs413EvenWithoutNettysLimit() {
    APIGatewayV2HTTPEvent event = load("post-job-invalid.json");
    event.setBody(Base64.getEncoder().encodeToString(new byte[5 * 1024 * 1024 + 1]));
    event.setIsBase64Encoded(true);
    event.getHeaders().put("content-length", Integer.toString(5 * 1024 * 1024 + 1));
    long jobsBefore = sandbox.countItems("job");

    assertProblem(handle(event), 413);
    assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore);
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    assertProblem(handle(load("post-job-text-plain.json")), 415);
  }

  @Test
  void noKeyIs401WithABearerChallenge() {
    APIGatewayV2HTTPResponse response = handle(load("list-jobs-without-key.json"));

    assertProblem(response, 401);
    assertThat(header(response, "WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aForgedOidcIdentityHeaderAuthenticatesNobody() {
    assertProblem(handle(load("list-jobs-with-forged-oidc-identity.json")), 401);
  }

  @Test
  void anOperatorSignsInAndPausesAJobWithTheSessionCookieAndCsrfHeader() throws Exception {
    Job job = sandbox.store(aJob());

    APIGatewayV2HTTPResponse login = handle(load("login.json"));

    assertThat(login.getStatusCode()).isEqualTo(200);
    assertThat(login.getCookies())
        .as("payload 2.0 takes response cookies from 'cookies'")
        .hasSize(2)
        .allSatisfy(
            cookie ->
                assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite=Strict"));
    assertThat(header(login, "Set-Cookie")).isNull();
    String session = cookieValue(login, "printrelay_session");
    String csrf = cookieValue(login, "printrelay_csrf");
    Map<String, String> tokens =
        Map.of(
            "JOB_ID",
            job.jobId(),
            "SESSION_COOKIE",
            session,
            "CSRF_COOKIE",
            csrf,
            "CSRF_HEADER",
            csrf);

    APIGatewayV2HTTPResponse paused = handle(load("pause-job-with-session.json", tokens));

    assertThat(paused.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(body(paused)).get("status").asText()).isEqualTo("paused");
    assertThat(sandbox.job(job.jobId()).status()).isEqualTo(JobStatus.PAUSED);
  }

  @Test
  void aPauseOnLambdaLogsOneLineNamingTheJobItsPrinterAndTheOperator() {
    Job job = sandbox.store(aJob().on("line-1"));
    APIGatewayV2HTTPResponse login = handle(load("login.json"));
    String csrf = cookieValue(login, "printrelay_csrf");
    Map<String, String> tokens =
        Map.of(
            "JOB_ID",
            job.jobId(),
            "SESSION_COOKIE",
            cookieValue(login, "printrelay_session"),
            "CSRF_COOKIE",
            csrf,
            "CSRF_HEADER",
            csrf);

    try (LoggedLines lines = LoggedLines.record()) {
      assertThat(handle(load("pause-job-with-session.json", tokens)).getStatusCode())
          .isEqualTo(200);

      assertThat(lines.of(RequestLog.class.getName()))
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.message())
                    .matches("POST /v1/jobs/\\{jobId}/pause 200 \\d+ ms by operator operator");
                assertThat(line.mdc())
                    .containsEntry(LogContext.JOB_ID, job.jobId())
                    .containsEntry(LogContext.PRINTER_ID, "line-1");
              });
    }
  }

  @Test
  void aSessionActionWithoutTheCsrfHeaderIsRefusedOnLambdaToo() {
    Job job = sandbox.store(aJob());
    APIGatewayV2HTTPResponse login = handle(load("login.json"));
    String session = cookieValue(login, "printrelay_session");

    APIGatewayV2HTTPResponse refused =
        handle(
            load(
                "pause-job-with-session.json",
                Map.of(
                    "JOB_ID",
                    job.jobId(),
                    "SESSION_COOKIE",
                    session,
                    "CSRF_COOKIE",
                    cookieValue(login, "printrelay_csrf"),
                    "CSRF_HEADER",
                    "forged")));

    assertProblem(refused, 403);
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
  }

  @Test
  void healthIsPublic() throws Exception {
    APIGatewayV2HTTPResponse response = handle(load("health.json"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(body(response)).get("status").asText()).isEqualTo("up");
  }

  private static String cookieValue(APIGatewayV2HTTPResponse response, String name) {
    return response.getCookies().stream()
        .filter(cookie -> cookie.startsWith(name + "="))
        .map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
  }

  private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    return function.handleRequest(event, new MockLambdaContext());
  }

  private static void assertProblem(APIGatewayV2HTTPResponse response, int status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
    try {
      JsonNode problem = JSON.readTree(body(response));
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("title").asText()).isNotBlank();
      assertThat(problem.get("detail").asText()).isNotBlank();
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body(response), e);
    }
  }
}
