package io.printrelay.function.jobs;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.model.JobStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/jobs} a page at a time: twelve jobs on two printers, read with limits small enough
 * to need several pages, with and without filters, following {@code nextPageToken} to the end.
 */
@MicronautTest
class JobPagesHttpTest extends ApiTestBase {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  // job-NN is created NN seconds after T0: newest first is job-11 down to job-00.
  private static final List<Stored> JOBS =
      List.of(
          new Stored("line-a", JobStatus.COMPLETED),
          new Stored("line-a", JobStatus.QUEUED),
          new Stored("line-b", JobStatus.QUEUED),
          new Stored("line-a", JobStatus.PAUSED),
          new Stored("line-b", JobStatus.COMPLETED),
          new Stored("line-a", JobStatus.QUEUED),
          new Stored("line-b", JobStatus.CANCELLED),
          new Stored("line-a", JobStatus.COMPLETED),
          new Stored("line-b", JobStatus.QUEUED),
          new Stored("line-a", JobStatus.PRINTING),
          new Stored("line-b", JobStatus.COMPLETED),
          new Stored("line-a", JobStatus.QUEUED));

  private record Stored(String printerId, JobStatus status) {}

  @BeforeAll
  void storeJobs() {
    sandbox.registerPrinter("line-a");
    sandbox.registerPrinter("line-b");
    for (int n = 0; n < JOBS.size(); n++) {
      Stored job = JOBS.get(n);
      sandbox.store(
          aJob()
              .id(id(n))
              .on(job.printerId())
              .status(job.status())
              .createdAt(T0.plusSeconds(n))
              .labels(1));
    }
  }

  @Test
  void pagesThroughEveryJobNewestFirst() {
    List<List<String>> pages = pages("/v1/jobs?limit=5");

    assertThat(pages).hasSize(3).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(5));
    assertThat(flat(pages)).containsExactlyElementsOf(ids(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
  }

  @Test
  void pagesThroughOnePrintersJobs() {
    List<List<String>> pages = pages("/v1/jobs?printerId=line-a&limit=2");

    assertThat(pages).hasSize(4);
    assertThat(flat(pages)).containsExactlyElementsOf(ids(11, 9, 7, 5, 3, 1, 0));
  }

  @Test
  void pagesThroughTheQueuedJobsOfEveryPrinter() {
    List<List<String>> pages = pages("/v1/jobs?status=queued&limit=2");

    assertThat(pages).containsExactly(ids(11, 8), ids(5, 2), ids(1));
  }

  @Test
  void pagesThroughOnePrintersQueuedJobs() {
    assertThat(pages("/v1/jobs?printerId=line-a&status=queued&limit=2"))
        .containsExactly(ids(11, 5), ids(1));
    assertThat(pages("/v1/jobs?printerId=line-b&status=queued&limit=1"))
        .containsExactly(ids(8), ids(2));
  }

  @Test
  void listsPrintingAndPausedJobs() {
    assertThat(pages("/v1/jobs?status=printing")).containsExactly(ids(9));
    assertThat(pages("/v1/jobs?status=paused&printerId=line-a")).containsExactly(ids(3));
    assertThat(pages("/v1/jobs?status=paused&printerId=line-b")).containsExactly(List.of());
  }

  @Test
  void pagesThroughFinishedJobsInOneStatus() {
    List<List<String>> pages = pages("/v1/jobs?status=completed&limit=2");

    assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
    assertThat(flat(pages)).containsExactlyElementsOf(ids(10, 7, 4, 0));
    assertThat(flat(pages("/v1/jobs?status=completed&printerId=line-b&limit=1")))
        .containsExactlyElementsOf(ids(10, 4));
    assertThat(flat(pages("/v1/jobs?status=cancelled&limit=3"))).containsExactlyElementsOf(ids(6));
  }

  @Test
  void aPageHoldsTheJobsAndTheNextTokenWhichIsNullOnTheLastPage() {
    Reply first = api.get("/v1/jobs?limit=10");
    Reply last = api.get("/v1/jobs?limit=10&pageToken=" + first.text("nextPageToken"));

    assertThat(fieldNames(first.body())).containsExactlyInAnyOrder("jobs", "nextPageToken");
    assertThat(first.text("nextPageToken")).matches("[A-Za-z0-9_-]+");
    assertThat(fieldNames(last.body())).containsExactlyInAnyOrder("jobs", "nextPageToken");
    assertThat(last.body().get("nextPageToken").isNull()).isTrue();
    assertThat(jobIds(last)).containsExactlyElementsOf(ids(1, 0));
  }

  @Test
  void aTokenIsAPlaceInTheListSoItContinuesUnderOtherFilters() {
    String afterJob8 = api.get("/v1/jobs?limit=4").text("nextPageToken");

    assertThat(jobIds(api.get("/v1/jobs?status=queued&pageToken=" + afterJob8)))
        .containsExactlyElementsOf(ids(5, 2, 1));
  }

  @Test
  void aPageTokenTheApiDidNotGiveIsA400NamingIt() {
    String notBase64 = "%21%21%21";
    String notAPlace =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("not a place".getBytes(StandardCharsets.UTF_8));

    for (String token : List.of(notBase64, notAPlace, "")) {
      Reply reply = api.get("/v1/jobs?status=queued&pageToken=" + token);

      assertProblem(reply, 400);
      assertThat(reply.text("detail")).startsWith("pageToken");
    }
  }

  /** Follows nextPageToken from the first page to the last; each page's job ids. */
  private List<List<String>> pages(String firstPage) {
    List<List<String>> pages = new ArrayList<>();
    String token = null;
    do {
      Reply reply = api.get(token == null ? firstPage : firstPage + "&pageToken=" + token);
      pages.add(jobIds(reply));
      JsonNode next = reply.body().get("nextPageToken");
      token = next == null || next.isNull() ? null : next.getStringValue();
      assertThat(pages).as("pages of %s", firstPage).hasSizeLessThan(20);
    } while (token != null);
    return pages;
  }

  private static List<String> jobIds(Reply reply) {
    assertThat(reply.status()).as("status of a list").isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.body().get("jobs").values().forEach(job -> ids.add(job.get("jobId").getStringValue()));
    return ids;
  }

  private static List<String> flat(List<List<String>> pages) {
    return pages.stream().flatMap(List::stream).toList();
  }

  private static List<String> ids(int... numbers) {
    List<String> ids = new ArrayList<>();
    for (int n : numbers) {
      ids.add(id(n));
    }
    return ids;
  }

  private static String id(int n) {
    return String.format("job-%02d", n);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.entries().forEach(entry -> names.add(entry.getKey()));
    return names;
  }
}
