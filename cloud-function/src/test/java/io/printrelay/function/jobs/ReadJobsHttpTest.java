package io.printrelay.function.jobs;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.table.ItemMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest
class ReadJobsHttpTest extends ApiTestBase {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  // Job ids are UUIDs (a path id of another shape is a 404 without a read): named for the reader.
  private static final String PRINTING_A = "00000000-0000-4000-8000-00000000000a";
  private static final String NORMAL_A = "00000000-0000-4000-8000-00000000000b";
  private static final String DONE_B = "00000000-0000-4000-8000-00000000000c";
  private static final String HIGH_A = "00000000-0000-4000-8000-00000000000d";

  @BeforeAll
  void storeJobs() {
    sandbox.store(
        aJob().id(PRINTING_A).on("line-a").printing(3, T0.plusSeconds(30)).labels(5).createdAt(T0));
    sandbox.store(aJob().id(NORMAL_A).on("line-a").createdAt(T0.plusSeconds(1)));
    sandbox.store(
        aJob().id(DONE_B).on("line-b").status(JobStatus.COMPLETED).createdAt(T0.plusSeconds(2)));
    sandbox.store(
        aJob().id(HIGH_A).on("line-a").priority(Priority.HIGH).createdAt(T0.plusSeconds(3)));
    Label printed =
        new Label(
            PRINTING_A,
            1,
            LabelStatus.PRINTED,
            true,
            2,
            "timeout once",
            T0.plusSeconds(40),
            "^XA^XZ".getBytes());
    sandbox
        .dynamoDb()
        .putItem(b -> b.tableName(sandbox.table()).item(ItemMapper.labelItem(printed)));
  }

  @Test
  void aQueuedJobShowsTheContractFieldsWithNullsAndItsPlaceInLine() {
    Reply reply = api.get("/v1/jobs/" + NORMAL_A);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(fieldNames(reply.body()))
        .containsExactlyInAnyOrder(
            "jobId",
            "printerId",
            "priority",
            "status",
            "reference",
            "total",
            "printed",
            "failed",
            "uncertain",
            "currentLabel",
            "queuePosition",
            "failedLabels",
            "uncertainLabels",
            "parentJobId",
            "resumedAs",
            "error",
            "createdAt",
            "startedAt",
            "finishedAt",
            "deadLettered");
    assertThat(reply.text("status")).isEqualTo("queued");
    assertThat(reply.body().get("queuePosition").getIntValue())
        .as("behind the later but higher-priority job")
        .isEqualTo(2);
    assertThat(reply.body().get("currentLabel").isNull()).isTrue();
    assertThat(reply.body().get("startedAt").isNull()).isTrue();
    assertThat(reply.text("createdAt")).isEqualTo("2026-03-01T08:00:01Z");
    assertThat(reply.body().get("failedLabels").isArray()).isTrue();
    assertThat(reply.body().get("resumedAs").isNull()).isTrue();
  }

  @Test
  void aPrintingJobShowsItsCurrentLabelAndPositionZero() {
    Reply reply = api.get("/v1/jobs/" + PRINTING_A);

    assertThat(reply.body().get("currentLabel").getIntValue()).isEqualTo(3);
    assertThat(reply.body().get("queuePosition").getIntValue()).isZero();
    assertThat(reply.text("startedAt")).isEqualTo("2026-03-01T08:00:30Z");
  }

  @Test
  void aFinishedJobHasNoQueuePosition() {
    Reply reply = api.get("/v1/jobs/" + DONE_B);

    assertThat(reply.body().get("queuePosition").isNull()).isTrue();
    assertThat(reply.text("finishedAt")).endsWith("Z");
  }

  @Test
  void listsJobsNewestFirst() {
    assertThat(jobIds(api.get("/v1/jobs"))).containsExactly(HIGH_A, DONE_B, NORMAL_A, PRINTING_A);
  }

  @Test
  void listsOnePrintersJobsInOneStatusUpToTheLimit() {
    assertThat(jobIds(api.get("/v1/jobs?printerId=line-a")))
        .containsExactly(HIGH_A, NORMAL_A, PRINTING_A);
    assertThat(jobIds(api.get("/v1/jobs?printerId=line-a&status=queued&limit=1")))
        .containsExactly(HIGH_A);
    assertThat(jobIds(api.get("/v1/jobs?status=completed"))).containsExactly(DONE_B);
    assertThat(jobIds(api.get("/v1/jobs?printerId=nobody"))).isEmpty();
  }

  @Test
  void refusesAnUnknownStatusAndALimitOutOfRange() {
    Reply reply = api.get("/v1/jobs?status=lost&limit=201");

    assertThat(reply.status()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    reply.body().get("errors").values().forEach(e -> fields.add(e.get("field").getStringValue()));
    assertThat(fields).containsExactly("status", "limit");
  }

  @Test
  void listsAJobsLabelsWithTheirStateButNotTheirContent() {
    Reply reply = api.get("/v1/jobs/" + PRINTING_A + "/labels");

    JsonNode first = reply.body().get("labels").get(0);
    assertThat(reply.body().get("labels").size()).isEqualTo(5);
    assertThat(fieldNames(first))
        .containsExactlyInAnyOrder(
            "index", "status", "uncertain", "attempts", "error", "printedAt", "source");
    assertThat(first.get("source").isNull()).as("a submitted label copies none").isTrue();
    assertThat(first.get("status").getStringValue()).isEqualTo("printed");
    assertThat(first.get("uncertain").getBooleanValue()).isTrue();
    assertThat(first.get("attempts").getIntValue()).isEqualTo(2);
    assertThat(first.get("printedAt").getStringValue()).isEqualTo("2026-03-01T08:00:40Z");
    assertThat(reply.body().get("labels").get(1).get("error").isNull()).isTrue();
  }

  @Test
  void filtersLabelsByStatus() {
    Reply pending = api.get("/v1/jobs/" + PRINTING_A + "/labels?status=pending");

    List<Integer> indexes = new ArrayList<>();
    pending.body().get("labels").values().forEach(l -> indexes.add(l.get("index").getIntValue()));
    assertThat(indexes).containsExactly(2, 3, 4, 5);
    assertThat(api.get("/v1/jobs/" + PRINTING_A + "/labels?status=lost").status()).isEqualTo(422);
  }

  @Test
  void anUnknownJobIs404() {
    Reply job = api.get("/v1/jobs/no-such-job");
    Reply labels = api.get("/v1/jobs/no-such-job/labels");

    assertProblem(job, 404);
    assertProblem(labels, 404);
  }

  @Test
  void aViewerKeyMayRead() {
    Reply reply =
        api.send(HttpRequest.GET("/v1/jobs/" + NORMAL_A).bearerAuth(EmbeddedSandbox.VIEWER_KEY));

    assertThat(reply.status()).isEqualTo(200);
  }

  private static List<String> jobIds(Reply reply) {
    assertThat(reply.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.body().get("jobs").values().forEach(job -> ids.add(job.get("jobId").getStringValue()));
    return ids;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.entries().forEach(entry -> names.add(entry.getKey()));
    return names;
  }
}
