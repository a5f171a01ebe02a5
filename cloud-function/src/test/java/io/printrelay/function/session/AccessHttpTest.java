package io.printrelay.function.session;

import static io.printrelay.function.testing.EmbeddedSandbox.INTEGRATION_KEY;
import static io.printrelay.function.testing.EmbeddedSandbox.OPERATOR;
import static io.printrelay.function.testing.EmbeddedSandbox.OPERATOR_KEY;
import static io.printrelay.function.testing.EmbeddedSandbox.PASSWORD;
import static io.printrelay.function.testing.EmbeddedSandbox.VIEWER;
import static io.printrelay.function.testing.EmbeddedSandbox.VIEWER_KEY;
import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.Requests;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: integration keys submit and read, operators read and act, viewers read; every
 * refusal is a 401 or 403 problem and changes nothing. Browser sessions must echo their CSRF token
 * on every change.
 */
@MicronautTest
class AccessHttpTest extends ApiTestBase {
  private SignedInBrowser operator;
  private SignedInBrowser viewer;

  @BeforeAll
  void registerPrinter() {
    sandbox.registerPrinter("line-1");
  }

  @Test
  void withoutCredentialsEverythingUnderV1Is401() {
    Job job = sandbox.store(aJob());

    assertProblem(api.send(HttpRequest.GET("/v1/jobs")), 401);
    assertProblem(api.send(HttpRequest.GET("/v1/printers")), 401);
    assertProblem(api.send(HttpRequest.GET("/v1/me")), 401);
    assertProblem(api.send(HttpRequest.POST("/v1/jobs/" + job.jobId() + "/cancel", "")), 401);
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
  }

  @Test
  void anIntegrationKeySubmitsAndReadsButCannotAct() {
    Job job = sandbox.store(aJob());

    assertThat(api.submit(Requests.zplLabels("line-1", 1)).status()).isEqualTo(201);
    assertThat(api.get("/v1/printers").status()).isEqualTo(200);
    Reply refused =
        api.send(post("/v1/jobs/" + job.jobId() + "/pause").bearerAuth(INTEGRATION_KEY));

    assertProblem(refused, 403);
    assertThat(refused.text("detail")).contains("API key").contains("integration");
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
  }

  @Test
  void aViewerReadsButCannotActWithAKeyOrASession() {
    Job job = sandbox.store(aJob());

    assertThat(api.send(HttpRequest.GET("/v1/printers").bearerAuth(VIEWER_KEY)).status())
        .isEqualTo(200);
    assertThat(api.send(viewer().withSession(HttpRequest.GET("/v1/jobs"))).status()).isEqualTo(200);
    assertProblem(api.send(post("/v1/jobs/" + job.jobId() + "/pause").bearerAuth(VIEWER_KEY)), 403);
    assertProblem(api.send(viewer().changing(post("/v1/jobs/" + job.jobId() + "/pause"))), 403);
    assertProblem(api.send(viewer().changing(post("/v1/printers/line-1/pause"))), 403);
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
    assertThat(sandbox.printer("line-1").paused()).isFalse();
  }

  @Test
  void anOperatorActsButCannotSubmit() {
    Job job = sandbox.store(aJob());
    long jobsBefore = sandbox.countItems("job");

    assertThat(api.send(operator().changing(post("/v1/jobs/" + job.jobId() + "/pause"))).status())
        .isEqualTo(200);
    assertThat(sandbox.job(job.jobId()).status()).isEqualTo(JobStatus.PAUSED);
    assertProblem(
        api.send(
            operator()
                .changing(
                    HttpRequest.POST("/v1/jobs", Requests.zplLabels("line-1", 1))
                        .contentType(MediaType.APPLICATION_JSON))),
        403);
    assertProblem(
        api.send(
            HttpRequest.POST("/v1/jobs", Requests.zplLabels("line-1", 1))
                .contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(OPERATOR_KEY)),
        403);
    assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore);
  }

  @Test
  void aSessionChangeWithoutItsCsrfTokenIs403AndChangesNothing() {
    Job job = sandbox.store(aJob());
    String cancel = "/v1/jobs/" + job.jobId() + "/cancel";

    Reply missing = api.send(operator().withSession(post(cancel)));
    Reply wrong = api.send(operator().withSession(post(cancel)).header("X-CSRF-Token", "guess"));
    Reply otherSessions =
        api.send(operator().withSession(post(cancel)).header("X-CSRF-Token", viewer().csrf()));

    for (Reply refused : new Reply[] {missing, wrong, otherSessions}) {
      assertProblem(refused, 403);
      assertThat(refused.text("detail")).contains("X-CSRF-Token");
    }
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
    assertThat(api.send(operator().changing(post(cancel))).status()).isEqualTo(200);
  }

  @Test
  void aKeyNeedsNoCsrfTokenAndWinsOverASessionCookie() {
    Job job = sandbox.store(aJob());

    Reply reply =
        api.send(
            operator()
                .changing(post("/v1/jobs/" + job.jobId() + "/pause"))
                .bearerAuth(INTEGRATION_KEY));

    assertProblem(reply, 403);
    assertThat(
            api.send(post("/v1/jobs/" + job.jobId() + "/pause").bearerAuth(OPERATOR_KEY)).status())
        .isEqualTo(200);
  }

  @Test
  void meSaysWhoTheCallerIs() {
    Reply session = api.send(operator().withSession(HttpRequest.GET("/v1/me")));
    Reply key = api.get("/v1/me");

    assertThat(session.text("username")).isEqualTo(OPERATOR);
    assertThat(session.body().get("roles").get(0).getStringValue()).isEqualTo("operator");
    assertThat(key.text("username")).isEqualTo("odoo");
    assertThat(key.body().get("roles").get(0).getStringValue()).isEqualTo("integration");
  }

  @Test
  void aTamperedOrForeignSessionCookieAuthenticatesNobody() {
    String token = operator().session();
    String[] parts = token.split("\\.");
    String forged = parts[0].substring(0, parts[0].length() - 2) + "xx." + parts[1];

    assertProblem(
        api.send(HttpRequest.GET("/v1/me").header("Cookie", SessionCookies.SESSION + "=" + forged)),
        401);
    assertProblem(
        api.send(
            HttpRequest.GET("/v1/me").header("Cookie", SessionCookies.SESSION + "=" + parts[0])),
        401);
  }

  private SignedInBrowser operator() {
    if (operator == null) {
      operator = SignedInBrowser.signIn(api, OPERATOR, PASSWORD);
    }
    return operator;
  }

  private SignedInBrowser viewer() {
    if (viewer == null) {
      viewer = SignedInBrowser.signIn(api, VIEWER, PASSWORD);
    }
    return viewer;
  }

  private static MutableHttpRequest<?> post(String path) {
    return HttpRequest.POST(path, new byte[0]);
  }
}
