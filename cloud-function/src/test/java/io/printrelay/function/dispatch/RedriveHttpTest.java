package io.printrelay.function.dispatch;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.queue.QueueUrls;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A job whose message was dead-lettered, as operators see it over HTTP: flagged on the job, counted
 * by {@code GET /health}, sent again by a redrive, and its dead letter gone after the next sweep.
 */
@MicronautTest
class RedriveHttpTest extends ApiTestBase {
  @Inject DeadLetterSweep deadLetterSweep;

  @Test
  void aDeadLetteredJobIsShownCountedAndPrintsAgainAfterARedrive() {
    Job job = sandbox.store(aJob().priority(Priority.HIGH).dispatched(1));
    deadLetter(new JobMessage(job.jobId(), job.printerId(), Priority.HIGH, 1));

    deadLetterSweep.sweep();

    assertThat(api.get("/v1/jobs/" + job.jobId()).text("deadLettered")).isEqualTo("true");
    assertThat(deadLettersInHealth()).isEqualTo(1);

    Reply redriven = api.act("/v1/jobs/" + job.jobId() + "/redrive");

    assertThat(redriven.status()).isEqualTo(200);
    assertThat(redriven.text("status")).isEqualTo("queued");
    assertThat(redriven.text("deadLettered")).isEqualTo("false");
    assertThat(sandbox.takeMessages(Priority.HIGH))
        .containsExactly(new JobMessage(job.jobId(), job.printerId(), Priority.HIGH, 2));
    assertThat(sandbox.job(job.jobId()).dispatchPending()).isFalse();

    deadLetterSweep.sweep();

    assertThat(deadLettersInHealth()).as("the old message is deleted").isZero();
    assertThat(api.get("/v1/jobs/" + job.jobId()).text("deadLettered")).isEqualTo("false");
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"PAUSED", "COMPLETED", "FAILED", "CANCELLED"})
  void onlyAQueuedOrPrintingJobCanBeRedriven(JobStatus status) {
    Job job = sandbox.store(aJob().status(status));

    Reply reply = api.act("/v1/jobs/" + job.jobId() + "/redrive");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.text("detail")).contains(status.wireName());
    assertThat(sandbox.job(job.jobId()).dispatchCount()).isEqualTo(1);
  }

  @Test
  void anUnknownJobIsNotFound() {
    assertThat(api.act("/v1/jobs/no-such-job/redrive").status()).isEqualTo(404);
  }

  @Test
  void onlyOperatorsRedrive() {
    Job job = sandbox.store(aJob());

    Reply asIntegration =
        api.send(
            HttpRequest.POST("/v1/jobs/" + job.jobId() + "/redrive", new byte[0])
                .bearerAuth(EmbeddedSandbox.INTEGRATION_KEY));
    Reply asViewer =
        api.send(
            HttpRequest.POST("/v1/jobs/" + job.jobId() + "/redrive", new byte[0])
                .bearerAuth(EmbeddedSandbox.VIEWER_KEY));

    assertThat(asIntegration.status()).isEqualTo(403);
    assertThat(asViewer.status()).isEqualTo(403);
    assertThat(sandbox.job(job.jobId()).dispatchCount()).isEqualTo(1);
  }

  private void deadLetter(JobMessage message) {
    String url =
        QueueUrls.resolveDeadLetters(sandbox.sqs(), sandbox.queueNames()).of(message.priority());
    sandbox.sqs().sendMessage(JobMessages.sendRequest(url, message));
  }

  private int deadLettersInHealth() {
    return Integer.parseInt(api.send(HttpRequest.GET("/health")).text("deadLetters"));
  }
}
