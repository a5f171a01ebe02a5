package io.printrelay.function.actions;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.table.JobTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pause, resume in place, cancel and priority over HTTP: their state rules and their effects. */
@MicronautTest
class JobActionsHttpTest extends ApiTestBase {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void pausingAQueuedJobKeepsItInItsPrintersActiveJobs() {
    Job job = sandbox.store(aJob());

    Reply reply = api.act(path(job, "pause"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("status")).isEqualTo("paused");
    assertThat(reply.body().get("queuePosition").isNull()).isTrue();
    assertThat(sandbox.job(job.jobId()).status()).isEqualTo(JobStatus.PAUSED);
    assertThat(sandbox.item(job.jobId())).containsKey(JobTable.ACTIVE_PRINTER_ID);
  }

  @Test
  void pausingAPrintingJobAcceptsAnEmptyJsonBody() {
    Job job = sandbox.store(aJob().printing(2, T0));

    Reply reply = api.act(path(job, "pause"), "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(sandbox.job(job.jobId()).status()).isEqualTo(JobStatus.PAUSED);
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"PAUSED", "COMPLETED", "FAILED", "CANCELLED"})
  void onlyQueuedOrPrintingJobsCanBePaused(JobStatus status) {
    Job job = sandbox.store(aJob().status(status));

    Reply reply = api.act(path(job, "pause"));

    assertProblem(reply, 409);
    assertThat(reply.text("detail")).contains("is " + status.wireName());
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
  }

  @Test
  void anUnknownJobIs404ForEveryAction() {
    for (String action : List.of("pause", "resume", "cancel")) {
      assertProblem(api.act("/v1/jobs/no-such-job/" + action), 404);
    }
    assertProblem(api.act("/v1/jobs/no-such-job/reprint", "{\"labels\":[1]}"), 404);
    assertProblem(api.act("/v1/jobs/no-such-job/priority", "{\"priority\":\"high\"}"), 404);
  }

  @Test
  void resumingAPausedJobQueuesItAgainWithTheNextDispatch() {
    Job job = sandbox.store(aJob().on("line-r").status(JobStatus.PAUSED).undispatched(2));

    Reply reply = api.act(path(job, "resume"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("jobId")).isEqualTo(job.jobId());
    assertThat(reply.text("status")).isEqualTo("queued");
    assertThat(reply.body().get("queuePosition").getIntValue()).isEqualTo(1);
    Job stored = sandbox.job(job.jobId());
    assertThat(stored.dispatchCount()).isEqualTo(3);
    assertThat(stored.dispatchPending()).as("the send was confirmed").isFalse();
    assertThat(stored.enqueuedAt()).isAfter(job.enqueuedAt());
    assertThat(messagesFor(job, Priority.NORMAL))
        .containsExactly(new JobMessage(job.jobId(), "line-r", Priority.NORMAL, 3));
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"QUEUED", "PRINTING", "COMPLETED"})
  void queuedPrintingAndCompletedJobsCannotBeResumed(JobStatus status) {
    Job job = sandbox.store(aJob().status(status));

    assertProblem(api.act(path(job, "resume")), 409);
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
    assertThat(messagesFor(job, Priority.NORMAL)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"QUEUED", "PAUSED", "PRINTING"})
  void cancellingTakesTheJobOutOfTheActiveIndex(JobStatus status) {
    Job job = sandbox.store(aJob().status(status).undispatched(1));

    Reply reply = api.act(path(job, "cancel"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("status")).isEqualTo("cancelled");
    assertThat(reply.text("finishedAt")).isNotNull();
    assertThat(sandbox.item(job.jobId()))
        .doesNotContainKeys(JobTable.ACTIVE_PRINTER_ID, JobTable.QUEUE_KEY, JobTable.UNDISPATCHED);
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"COMPLETED", "FAILED", "CANCELLED"})
  void aFinishedJobCannotBeCancelled(JobStatus status) {
    Job job = sandbox.store(aJob().status(status));

    Reply reply = api.act(path(job, "cancel"));

    assertProblem(reply, 409);
    assertThat(reply.text("detail")).contains(status.wireName());
  }

  @Test
  void aQueuedJobMovedToAnotherTierIsSentToThatTiersQueue() {
    Job job = sandbox.store(aJob().priority(Priority.LOW));

    Reply reply = api.act(path(job, "priority"), "{\"priority\":\"high\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("priority")).isEqualTo("high");
    Job stored = sandbox.job(job.jobId());
    assertThat(stored.priority()).isEqualTo(Priority.HIGH);
    assertThat(stored.dispatchCount()).isEqualTo(2);
    assertThat(stored.enqueuedAt()).isAfter(job.enqueuedAt());
    assertThat(messagesFor(job, Priority.HIGH))
        .containsExactly(new JobMessage(job.jobId(), "line-1", Priority.HIGH, 2));
    assertThat(messagesFor(job, Priority.LOW)).isEmpty();
  }

  @Test
  void aPausedJobMovedToAnotherTierOnlyRecordsIt() {
    Job job = sandbox.store(aJob().status(JobStatus.PAUSED));

    Reply reply = api.act(path(job, "priority"), "{\"priority\":\"low\"}");

    assertThat(reply.status()).isEqualTo(200);
    Job stored = sandbox.job(job.jobId());
    assertThat(stored.priority()).isEqualTo(Priority.LOW);
    assertThat(stored.dispatchCount()).isEqualTo(job.dispatchCount());
    assertThat(messagesFor(job, Priority.LOW)).as("its resume will send it").isEmpty();
  }

  @Test
  void askingForTheTierAJobHasChangesNothing() {
    Job job = sandbox.store(aJob().priority(Priority.NORMAL));

    Reply reply = api.act(path(job, "priority"), "{\"priority\":\"normal\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
    assertThat(messagesFor(job, Priority.NORMAL)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = JobStatus.class,
      names = {"PRINTING", "COMPLETED", "CANCELLED"})
  void onlyAWaitingJobChangesTier(JobStatus status) {
    Job job = sandbox.store(aJob().status(status));

    assertProblem(api.act(path(job, "priority"), "{\"priority\":\"high\"}"), 409);
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
  }

  @Test
  void aPriorityThatIsNoTierIs422NamingTheField() {
    Job job = sandbox.store(aJob());

    for (String body : List.of("{\"priority\":\"urgent\"}", "{\"priority\":1}", "{}", "[]")) {
      Reply reply = api.act(path(job, "priority"), body);
      assertProblem(reply, 422);
      assertThat(reply.body().get("errors").get(0).get("field").getStringValue())
          .isEqualTo("priority");
    }
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
  }

  @Test
  void aBodyThatIsNoObjectIs422NamingTheFieldForReprintAndPriority() {
    Job job = sandbox.store(aJob());

    for (String body : List.of("null", "\"high\"", "1", "[]")) {
      Reply priority = api.act(path(job, "priority"), body);
      Reply reprint = api.act(path(job, "reprint"), body);
      assertProblem(priority, 422);
      assertProblem(reprint, 422);
      assertThat(priority.body().get("errors").get(0).get("field").getStringValue())
          .isEqualTo("priority");
      assertThat(reprint.body().get("errors").get(0).get("field").getStringValue())
          .isEqualTo("labels");
    }
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
  }

  @Test
  void aLabelNumberBeyondAnyNumberIs422() {
    Job job = sandbox.store(aJob());

    Reply reply = api.act(path(job, "reprint"), "{\"labels\":[1e400]}");

    assertProblem(reply, 422);
    assertThat(reply.body().get("errors").get(0).get("field").getStringValue()).isEqualTo("labels");
  }

  @Test
  void aMissingOrMalformedBodyIs400AndANonJsonOneIs415() {
    Job job = sandbox.store(aJob());

    assertProblem(api.act(path(job, "priority"), ""), 400);
    assertProblem(api.act(path(job, "priority"), "{\"priority\":"), 400);
    assertProblem(
        api.send(
            HttpRequest.POST(path(job, "priority"), "priority=high")
                .contentType(MediaType.TEXT_PLAIN)
                .bearerAuth(EmbeddedSandbox.OPERATOR_KEY)),
        415);
    assertThat(sandbox.job(job.jobId())).isEqualTo(job);
  }

  private List<JobMessage> messagesFor(Job job, Priority priority) {
    return sandbox.takeMessages(priority).stream()
        .filter(message -> message.jobId().equals(job.jobId()))
        .toList();
  }

  private static String path(Job job, String action) {
    return "/v1/jobs/" + job.jobId() + "/" + action;
  }
}
