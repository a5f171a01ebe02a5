package io.printrelay.function.jobs;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.Requests;
import io.printrelay.model.Label;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

@MicronautTest
class SubmitJobHttpTest extends ApiTestBase {

  @BeforeAll
  void registerPrinters() {
    sandbox.registerPrinter("line-1");
    sandbox.registerPrinter("line-2");
    sandbox.registerPrinter("line-3");
  }

  @Test
  void submitStoresJobAndLabelsAndSendsMessageToTheTierQueue() {
    Reply reply =
        api.submit(
            """
        {"printerId":"line-1","priority":"normal","reference":"MO/00042",
         "template":"^XA^FO30,30^A0N,40^FD{{product}}^FS^FO30,90^FDBox {{n}} of {{total}}^FS^XZ",
         "labels":[{"data":{"product":"Tomato soup","n":1,"total":2}},
                   {"data":{"product":"Tomato ^XZ soup","n":2,"total":2}}]}
        """);

    assertThat(reply.status()).isEqualTo(201);
    String jobId = reply.text("jobId");
    assertThat(reply.header("Location")).isEqualTo("/v1/jobs/" + jobId);
    assertThat(reply.text("status")).isEqualTo("queued");
    assertThat(reply.text("priority")).isEqualTo("normal");
    assertThat(reply.text("reference")).isEqualTo("MO/00042");
    assertThat(reply.body().get("total").getIntValue()).isEqualTo(2);
    assertThat(reply.body().get("queuePosition").getIntValue()).isEqualTo(1);
    assertThat(reply.body().get("parentJobId").isNull()).isTrue();

    List<Message> messages = sandbox.drain(Priority.NORMAL);
    assertThat(messages).hasSize(1);
    assertThat(JobMessages.parse(messages.get(0).body()))
        .isEqualTo(new JobMessage(jobId, "line-1", Priority.NORMAL, 1));
    assertThat(messages.get(0).attributes())
        .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "line-1")
        .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, jobId + "-1");
    assertThat(label(jobId, 2))
        .isEqualTo("^XA^FO30,30^A0N,40^FH_^FDTomato _5EXZ soup^FS^FO30,90^FH_^FDBox 2 of 2^FS^XZ");
  }

  @Test
  void aZplDocumentOfThreeFormatsBecomesThreeLabelsInOrder() {
    Reply reply =
        api.submit(
            Requests.zplDocument(
                "line-2", "^XA^FDone^FS^XZ\\n^XA^FDtwo^FS^XZ\\n^XA^FDthree^FS^XZ\\n"));

    String jobId = reply.text("jobId");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.body().get("total").getIntValue()).isEqualTo(3);
    assertThat(reply.text("priority")).as("1-9 labels default to high").isEqualTo("high");
    assertThat(List.of(label(jobId, 1), label(jobId, 2), label(jobId, 3)))
        .containsExactly("^XA^FDone^FS^XZ", "^XA^FDtwo^FS^XZ", "^XA^FDthree^FS^XZ");
    assertThat(sandbox.drain(Priority.HIGH)).hasSize(1);
  }

  @Test
  void theSameIdempotencyKeyTwiceAnswers200WithTheSameJob() {
    Reply first = submitWithKey(Requests.zplLabels("line-3", 12), "odoo-webhook-1");
    Reply second = submitWithKey(Requests.zplLabels("line-3", 12), "odoo-webhook-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.text("jobId")).isEqualTo(first.text("jobId"));
    assertThat(sandbox.drain(Priority.NORMAL)).hasSize(1);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyIs422AndStoresNothingNew() {
    Reply first = submitWithKey(Requests.zplLabels("line-3", 2), "odoo-webhook-2");
    long jobs = sandbox.countItems("job");

    Reply second = submitWithKey(Requests.zplLabels("line-3", 3), "odoo-webhook-2");

    assertThat(first.status()).isEqualTo(201);
    assertProblem(second, 422);
    assertThat(second.body().get("errors").get(0).get("field").getStringValue())
        .isEqualTo("Idempotency-Key");
    assertThat(second.body().get("errors").get(0).get("message").getStringValue())
        .contains(first.text("jobId"));
    assertThat(sandbox.countItems("job")).isEqualTo(jobs);
    assertThat(sandbox.drain(Priority.HIGH)).hasSize(1);
  }

  @Test
  void theSameBodyWithOtherWhitespaceAndKeyOrderIsTheSameRequest() {
    Reply first =
        submitWithKey(
            "{\"printerId\":\"line-3\",\"reference\":\"MO/7\",\"labels\":"
                + "[{\"zpl\":\"^XA^FDa^FS^XZ\"}]}",
            "odoo-webhook-3");

    Reply second =
        submitWithKey(
            "{ \"labels\" : [ { \"zpl\" : \"^XA^FDa^FS^XZ\" } ],\n"
                + "  \"reference\" : \"MO/7\", \"printerId\" : \"line-3\", \"unknown\": 1 }",
            "odoo-webhook-3");

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.text("jobId")).isEqualTo(first.text("jobId"));
    sandbox.drain(Priority.HIGH);
  }

  @Test
  void eightParallelSubmitsWithOneKeyMakeOneJobAndOneMessage() throws Exception {
    String body = Requests.zplLabels("line-3", 30);
    long keysBefore = sandbox.countItems("idempotency");
    List<Callable<Reply>> calls =
        IntStream.range(0, 8)
            .<Callable<Reply>>mapToObj(i -> () -> submitWithKey(body, "parallel-key"))
            .toList();

    List<Reply> replies;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      replies = pool.invokeAll(calls).stream().map(SubmitJobHttpTest::get).toList();
    }

    assertThat(replies).extracting(Reply::status).containsOnly(200, 201).containsOnlyOnce(201);
    assertThat(replies)
        .extracting(reply -> reply.text("jobId"))
        .containsOnly(replies.get(0).text("jobId"));
    assertThat(sandbox.drain(Priority.NORMAL)).hasSize(1);
    assertThat(sandbox.countItems("idempotency")).isEqualTo(keysBefore + 1);
    Reply jobs = api.get("/v1/jobs?printerId=line-3&limit=200");
    assertThat(jobs.body().get("jobs").values())
        .filteredOn(job -> job.get("total").getIntValue() == 30)
        .hasSize(1);
    assertThat(sandbox.countItems("label"))
        .as("the losers' labels are deleted")
        .isEqualTo(sandbox.countItems("job") == 0 ? 0 : labelsOfStoredJobs());
  }

  private long labelsOfStoredJobs() {
    Reply all = api.get("/v1/jobs?limit=200");
    long total = 0;
    for (var job : all.body().get("jobs").values()) {
      total += job.get("total").getIntValue();
    }
    return total;
  }

  private Reply submitWithKey(String body, String key) {
    return api.send(
        ApiClient.withKey(
            HttpRequest.POST("/v1/jobs", body)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key)));
  }

  private String label(String jobId, int index) {
    Label label =
        ItemMapper.label(
            sandbox
                .dynamoDb()
                .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.label(jobId, index)))
                .item());
    return new String(label.content(), StandardCharsets.UTF_8);
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
