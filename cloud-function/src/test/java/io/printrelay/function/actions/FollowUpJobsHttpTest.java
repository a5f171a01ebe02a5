package io.printrelay.function.actions;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.table.IdempotencyItems;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.JobTable;
import io.printrelay.testing.Jobs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resume of a failed or cancelled job, and reprint: new jobs made of an old job's labels. */
@MicronautTest
class FollowUpJobsHttpTest extends ApiTestBase {

  @Test
  void resumingAFailedJobMakesAHighPriorityJobOfExactlyTheLabelsNotPrinted() {
    Job failed =
        sandbox.store(
            aJob()
                .status(JobStatus.FAILED)
                .labels(6)
                .reference("MO/7")
                .label(1, LabelStatus.PRINTED)
                .uncertainLabel(2)
                .label(3, LabelStatus.FAILED)
                .label(5, LabelStatus.PRINTED));

    Reply reply = api.act(path(failed, "resume"));

    assertThat(reply.status()).isEqualTo(201);
    String childId = reply.text("jobId");
    assertThat(reply.header("Location")).isEqualTo("/v1/jobs/" + childId);
    assertThat(reply.text("parentJobId")).isEqualTo(failed.jobId());
    assertThat(reply.text("priority")).isEqualTo("high");
    assertThat(reply.text("status")).isEqualTo("queued");
    assertThat(reply.text("reference")).isEqualTo("MO/7");
    assertThat(reply.body().get("total").getIntValue()).isEqualTo(3);
    assertThat(contents(childId, 3))
        .containsExactly(Jobs.content(3), Jobs.content(4), Jobs.content(6));
    assertThat(sources(childId))
        .containsExactly(failed.jobId() + "#3", failed.jobId() + "#4", failed.jobId() + "#6");
    assertThat(sandbox.takeMessages(Priority.HIGH))
        .filteredOn(m -> m.jobId().equals(childId))
        .containsExactly(new JobMessage(childId, "line-1", Priority.HIGH, 1));
    assertThat(sandbox.job(failed.jobId()))
        .as("a final job never changes, but for naming the job it was resumed as")
        .isEqualTo(failed.withResumedAs(childId));
  }

  @Test
  void theLabelInFlightWhenAJobWasCancelledIsCopiedFlaggedUncertain() {
    // Cancelled while label 3 was being sent: the agent may yet record it printed, or never
    // (a crash). Either way it may be on paper, so its copy is where a duplicate may be.
    Job cancelled =
        sandbox.store(
            aJob()
                .status(JobStatus.CANCELLED)
                .labels(5)
                .label(1, LabelStatus.PRINTED)
                .label(2, LabelStatus.PRINTED)
                .inFlight(3));

    Reply reply = api.act(path(cancelled, "resume"));

    assertThat(reply.status()).isEqualTo(201);
    String childId = reply.text("jobId");
    assertThat(sources(childId))
        .containsExactly(
            cancelled.jobId() + "#3", cancelled.jobId() + "#4", cancelled.jobId() + "#5");
    assertThat(uncertainFlags(childId)).containsExactly(true, false, false);
    assertThat(intList(reply.body().get("uncertainLabels"))).containsExactly(1);
    assertThat(reply.body().get("uncertain").getIntValue()).isEqualTo(1);
    assertThat(sandbox.job(childId).uncertainLabels()).containsExactly(1);
  }

  @Test
  void aLabelFlaggedUncertainButNotPrintedAgainIsCopiedFlaggedUncertain() {
    // A cut connection flagged label 2, then the job was cancelled before it was sent again.
    Job cancelled =
        sandbox.store(
            aJob()
                .status(JobStatus.CANCELLED)
                .labels(3)
                .label(1, LabelStatus.PRINTED)
                .uncertain(2));

    Reply reply = api.act(path(cancelled, "resume"));

    assertThat(reply.status()).isEqualTo(201);
    String childId = reply.text("jobId");
    assertThat(uncertainFlags(childId)).containsExactly(true, false);
    assertThat(sandbox.job(childId).uncertainLabels()).containsExactly(1);
  }

  @Test
  void resumingTheSameFinishedJobAgainIs409NamingTheJobTheFirstResumeMade() {
    Job cancelled = sandbox.store(aJob().status(JobStatus.CANCELLED).labels(2));
    String first = api.act(path(cancelled, "resume")).text("jobId");
    long jobsBefore = sandbox.countItems("job");

    Reply again = api.act(path(cancelled, "resume"));

    assertProblem(again, 409);
    assertThat(again.text("detail")).contains(first);
    assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore);
    assertThat(api.get("/v1/jobs/" + cancelled.jobId()).text("resumedAs")).isEqualTo(first);
  }

  @Test
  void aJobResumedDaysAgoIsNotResumedAgainOnceItsResumeClaimHasExpired() {
    Job failed = sandbox.store(aJob().status(JobStatus.FAILED).labels(3));
    String first = api.act(path(failed, "resume")).text("jobId");
    sandbox.takeMessages(Priority.HIGH);
    // Three days later: DynamoDB's TTL has removed every 48-hour claim.
    expireIdempotencyClaims();
    long jobsBefore = sandbox.countItems("job");

    Reply again = api.act(path(failed, "resume"));

    assertProblem(again, 409);
    assertThat(again.text("detail")).contains(first);
    assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore);
    assertThat(sandbox.takeMessages(Priority.HIGH)).isEmpty();
  }

  @Test
  void aJobResumedBeforeResumesWereRecordedOnItIsNotResumedAgain() {
    // An older version recorded a resume only as a claim in the resume scope (kept 48 h).
    Job earlierFollowUp = sandbox.store(aJob().status(JobStatus.QUEUED).labels(1));
    Job cancelled = sandbox.store(aJob().status(JobStatus.CANCELLED).labels(2));
    sandbox
        .dynamoDb()
        .putItem(
            b ->
                b.tableName(sandbox.table())
                    .item(
                        IdempotencyItems.claim(
                            FollowUpJobs.RESUME_SCOPE,
                            cancelled.jobId(),
                            earlierFollowUp.jobId(),
                            Jobs.T0,
                            Jobs.T0.plusSeconds(48 * 3600))));
    long jobsBefore = sandbox.countItems("job");

    Reply again = api.act(path(cancelled, "resume"));

    assertProblem(again, 409);
    assertThat(again.text("detail")).contains(earlierFollowUp.jobId());
    assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore);
  }

  @Test
  void twoResumesAtOnceMakeOneJob() throws Exception {
    Job cancelled = sandbox.store(aJob().status(JobStatus.CANCELLED).labels(4));
    long jobsBefore = sandbox.countItems("job");
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService clicks = Executors.newFixedThreadPool(2);
    List<Future<Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        replies.add(
            clicks.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return api.act(path(cancelled, "resume"));
                }));
      }
      List<Reply> answers = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        answers.add(reply.get(60, TimeUnit.SECONDS));
      }

      assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore + 1);
      assertThat(answers).filteredOn(reply -> reply.status() == 201).hasSize(1);
      String made =
          answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().text("jobId");
      Reply other = answers.stream().filter(r -> r.status() != 201).findFirst().orElseThrow();
      assertProblem(other, 409);
      assertThat(other.text("detail")).contains(made);
      assertThat(sandbox.takeMessages(Priority.HIGH))
          .filteredOn(m -> m.jobId().equals(made))
          .hasSize(1);
    } finally {
      clicks.shutdownNow();
    }
  }

  @Test
  void aFinishedJobWithEveryLabelPrintedHasNothingToResume() {
    Job cancelled =
        sandbox.store(
            aJob()
                .status(JobStatus.CANCELLED)
                .labels(2)
                .label(1, LabelStatus.PRINTED)
                .uncertainLabel(2));
    long jobsBefore = sandbox.countItems("job");

    Reply reply = api.act(path(cancelled, "resume"));

    assertProblem(reply, 409);
    assertThat(reply.text("detail")).contains("Nothing left to print");
    assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore);
  }

  @Test
  void reprintMakesAJobOfExactlyTheGivenLabelsInTheGivenOrderWhateverTheirState() {
    Job printing =
        sandbox.store(
            aJob()
                .printing(3, Jobs.T0)
                .labels(5)
                .label(1, LabelStatus.PRINTED)
                .label(2, LabelStatus.FAILED));

    Reply reply = api.act(path(printing, "reprint"), "{\"labels\":[4,1,2,1]}");

    assertThat(reply.status()).isEqualTo(201);
    String reprintId = reply.text("jobId");
    assertThat(reply.text("parentJobId")).isEqualTo(printing.jobId());
    assertThat(reply.text("priority")).isEqualTo("high");
    assertThat(contents(reprintId, 4))
        .containsExactly(Jobs.content(4), Jobs.content(1), Jobs.content(2), Jobs.content(1));
    assertThat(sandbox.job(printing.jobId())).isEqualTo(printing);
  }

  @Test
  void aReprintOfAReprintNamesTheLabelFirstSubmitted() {
    Job original = sandbox.store(aJob().status(JobStatus.COMPLETED).labels(9));
    String first = api.act(path(original, "reprint"), "{\"labels\":[7,8]}").text("jobId");

    Reply second = api.act("/v1/jobs/" + first + "/reprint", "{\"labels\":[2]}");

    assertThat(second.text("parentJobId")).isEqualTo(first);
    assertThat(sources(second.text("jobId"))).containsExactly(original.jobId() + "#8");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"labels\":[]}",
        "{\"labels\":[0]}",
        "{\"labels\":[6]}",
        "{\"labels\":[1.5]}",
        "{\"labels\":[\"2\"]}",
        "{\"labels\":[null]}",
        "{\"labels\":3}",
        "{}",
        "{\"labels\":[18446744073709551617]}"
      })
  void labelsThatAreNotThisJobsAre422NamingTheField(String body) {
    Job job = sandbox.store(aJob().status(JobStatus.COMPLETED).labels(5));
    long jobsBefore = sandbox.countItems("job");

    Reply reply = api.act(path(job, "reprint"), body);

    assertProblem(reply, 422);
    assertThat(reply.body().get("errors").get(0).get("field").getStringValue()).isEqualTo("labels");
    assertThat(sandbox.countItems("job")).isEqualTo(jobsBefore);
  }

  @Test
  void moreThan500LabelsIs422() {
    Job job = sandbox.store(aJob().status(JobStatus.COMPLETED).labels(2));
    String labels = String.join(",", java.util.Collections.nCopies(501, "1"));

    assertProblem(api.act(path(job, "reprint"), "{\"labels\":[" + labels + "]}"), 422);
  }

  private String path(Job job, String action) {
    return "/v1/jobs/" + job.jobId() + "/" + action;
  }

  private List<String> contents(String jobId, int total) {
    List<String> contents = new ArrayList<>();
    for (int index = 1; index <= total; index++) {
      int i = index;
      contents.add(
          sandbox
              .dynamoDb()
              .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.label(jobId, i)))
              .item()
              .get("content")
              .b()
              .asString(StandardCharsets.UTF_8));
    }
    return contents;
  }

  /** What DynamoDB's TTL does once an idempotency claim's 48 hours are over. */
  private void expireIdempotencyClaims() {
    sandbox.dynamoDb().scanPaginator(b -> b.tableName(sandbox.table())).items().stream()
        .filter(item -> item.get(JobTable.SK).s().equals(JobTable.IDEMPOTENCY_SK))
        .forEach(
            item ->
                sandbox
                    .dynamoDb()
                    .deleteItem(
                        b ->
                            b.tableName(sandbox.table())
                                .key(
                                    Map.of(
                                        JobTable.PK,
                                        item.get(JobTable.PK),
                                        JobTable.SK,
                                        item.get(JobTable.SK)))));
  }

  private List<Boolean> uncertainFlags(String jobId) {
    List<Boolean> flags = new ArrayList<>();
    for (JsonNode label : api.get("/v1/jobs/" + jobId + "/labels").body().get("labels").values()) {
      flags.add(label.get("uncertain").getBooleanValue());
    }
    return flags;
  }

  private static List<Integer> intList(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    for (JsonNode value : array.values()) {
      values.add(value.getIntValue());
    }
    return values;
  }

  private List<String> sources(String jobId) {
    List<String> sources = new ArrayList<>();
    for (JsonNode label : api.get("/v1/jobs/" + jobId + "/labels").body().get("labels").values()) {
      JsonNode source = label.get("source");
      sources.add(source.get("jobId").getStringValue() + "#" + source.get("index").getIntValue());
    }
    return sources;
  }
}
