package io.printrelay.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system in one process, as `printrelay local` runs it: a job goes in over HTTP and its
 * labels come out of a virtual printer's TCP socket, in order, with progress on the way.
 */
class LocalSystemEndToEndTest {
  private static final String KEY = "e2e-key";
  private static LocalSystem system;
  private static ApiClient api;

  @BeforeAll
  static void startSystem() {
    LocalOptions options =
        new LocalOptions(
            0, 0, 0, null, KEY, "e2e-password", List.of(), 2, 5, true, false, "127.0.0.1");
    system = LocalSystem.start(options);
    api = new ApiClient(system.baseUrl(), KEY, system.api().getBean(JsonMapper.class));
  }

  @AfterAll
  static void stopSystem() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void twoHundredLabelsArriveInOrderWhileTheJobShowsItsProgress() {
    VirtualPrinter printer = system.virtualPrinters().get(0);
    int alreadyPrinted = printer.printedCount();

    ApiClient.Response created = api.post("/v1/jobs", templateJob(printer.name(), 200));
    assertThat(created.status()).isEqualTo(201);
    String jobId = (String) created.body().get("jobId");

    List<Integer> progress = watchProgress(jobId);

    Map<String, Object> job = api.job(jobId);
    assertThat(job)
        .containsEntry("status", "completed")
        .containsEntry("printed", 200)
        .containsEntry("failed", 0)
        .containsEntry("queuePosition", null);
    assertThat(progress)
        .as("printed counts seen while it ran")
        .anyMatch(printed -> printed > 0 && printed < 200)
        .isSorted();
    List<String> printed = printer.printed().subList(alreadyPrinted, alreadyPrinted + 200);
    for (int n = 1; n <= 200; n++) {
      assertThat(printed.get(n - 1)).as("label %d", n).contains("^FDBox " + n + " of 200^FS");
    }
    assertThat(printer.printedCount()).isEqualTo(alreadyPrinted + 200);
    assertThat(printer.partials()).isEmpty();
    assertThat(api.labels(jobId))
        .hasSize(200)
        .allSatisfy(label -> assertThat(label).containsEntry("status", "printed"));
  }

  @Test
  void paperOutShowsThePrinterInErrorAndStopsTheLabelsUntilPaperIsBackWithNoneMissingOrTwice() {
    VirtualPrinter printer = system.virtualPrinters().get(1);
    String printerId = printer.name();
    Map<String, Object> body = templateJob(printerId, 100);
    body.put("reference", "MO/PAPER");
    String jobId = (String) api.post("/v1/jobs", body).body().get("jobId");
    await().atMost(Duration.ofSeconds(30)).until(() -> printed(jobId) >= 10);

    printer.paperOut(true);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(api.get("/v1/printers/" + printerId))
                    .containsEntry("status", "error")
                    .containsEntry("detail", "paper out"));
    int onPaperAtError = printer.printedCount();
    await("no label while the paper is out")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> printer.printedCount() == onPaperAtError);
    // The table learns progress within a sync interval: after a second without a label it has
    // caught up, and then it stays still too.
    int printedAtError = printed(jobId);
    await("no progress recorded while the paper is out")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> printed(jobId) == printedAtError);
    assertThat(api.job(jobId)).containsEntry("status", "printing");
    assertThat(printedAtError).isLessThan(100);

    printer.paperOut(false);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat((String) api.get("/v1/printers/" + printerId).get("status"))
                    .isIn("printing", "ready"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "completed".equals(api.job(jobId).get("status")));
    assertThat(api.job(jobId))
        .containsEntry("printed", 100)
        .containsEntry("uncertainLabels", List.of());
    List<String> boxes =
        printer.printed().stream()
            .filter(label -> label.contains("^FDTomato soup^FS"))
            .map(label -> label.replaceAll(".*\\^FDBox (\\d+) of 100\\^FS.*", "$1"))
            .toList();
    assertThat(boxes)
        .as("labels of the job, in printed order")
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 100).mapToObj(String::valueOf).toList());
    assertThat(printer.partials()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(api.get("/v1/printers/" + printerId))
                    .containsEntry("status", "ready")
                    .containsEntry("detail", null));
  }

  private static int printed(String jobId) {
    return ((Number) api.job(jobId).get("printed")).intValue();
  }

  @Test
  void aHealthyLocalSystemSaysSo() {
    assertThat(api.get("/health")).containsEntry("status", "up");
  }

  /** Polls the job status every 20 ms on another thread until it is final; returns what it saw. */
  private static List<Integer> watchProgress(String jobId) {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    watcher.scheduleWithFixedDelay(
        () -> seen.add(((Number) api.job(jobId).get("printed")).intValue()),
        0,
        20,
        TimeUnit.MILLISECONDS);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> "completed".equals(api.job(jobId).get("status")));
    } finally {
      watcher.shutdownNow();
    }
    return new ArrayList<>(seen);
  }

  static Map<String, Object> templateJob(String printerId, int labels) {
    List<Map<String, Object>> data = new ArrayList<>();
    for (int n = 1; n <= labels; n++) {
      data.add(Map.of("data", Map.of("product", "Tomato soup", "n", n, "total", labels)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("printerId", printerId);
    body.put("reference", "MO/00042");
    body.put(
        "template",
        "^XA^FO30,30^A0N,40^FD{{product}}^FS^FO30,90^A0N,30^FDBox {{n}} of {{total}}^FS^XZ");
    body.put("labels", data);
    return body;
  }
}
