package io.printrelay.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import io.printrelay.testing.BrowserRequirement;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator web view driven in a real headless Chromium against the whole local system (API and
 * page on Netty, embedded SQS and DynamoDB, a real agent, two virtual printers): every operator
 * action is clicked in the page and then checked twice, in what the page shows and in what the API
 * answers to an integration key. Each test submits its own jobs (marked with their own product
 * text, so the printers' output can be told apart) and puts the printers back as it found them, so
 * a failure does not spill into the next test.
 *
 * <p>A screenshot of the board while a 200-label job prints is saved to target/board.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorBoardBrowserTest {
  private static final String KEY = "browser-e2e-key";
  private static final String USER = "operator";
  private static final String PASSWORD = "browser-e2e-password";
  private static final String TEMPLATE =
      "^XA^FO30,30^A0N,40^FD{{product}}^FS^FO30,90^A0N,30^FDBox {{n}} of {{total}}^FS^XZ";
  private static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");
  private static final Duration FINISH = Duration.ofSeconds(30);

  private static LocalSystem system;
  private static ApiClient api;
  private static OperatorSession operator;
  private static WebDriver browser;
  private static Board board;

  private final List<String> submitted = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path chromedriver = BrowserRequirement.chromedriver();
    system =
        LocalSystem.start(
            new LocalOptions(
                0, 0, 0, null, KEY, PASSWORD, List.of(), 2, 20, true, false, "127.0.0.1"));
    api = new ApiClient(system.baseUrl(), KEY, system.api().getBean(JsonMapper.class));
    operator = OperatorSession.signIn(system.baseUrl(), USER, PASSWORD);

    System.setProperty("webdriver.chrome.driver", chromedriver.toString());
    ChromeOptions options =
        new ChromeOptions()
            .addArguments(BrowserRequirement.chromiumArguments())
            .addArguments("--window-size=1280,1400");
    browser = new ChromeDriver(options);
    board = new Board(browser, system.baseUrl(), Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (system != null) {
      system.close();
    }
  }

  @BeforeEach
  void openTheBoard() {
    board.openSignedIn(USER, PASSWORD);
  }

  /** Puts the printers back and stops whatever this test left waiting or printing. */
  @AfterEach
  void restore() {
    try {
      browser.switchTo().alert().dismiss();
    } catch (NoAlertPresentException none) {
      // the usual case
    }
    for (VirtualPrinter printer : system.virtualPrinters()) {
      printer.refuseConnections(false);
      operator.post("/v1/printers/" + printer.name() + "/resume");
    }
    for (String jobId : submitted) {
      if (!FINAL.contains(status(jobId))) {
        operator.post("/v1/jobs/" + jobId + "/cancel");
      }
    }
  }

  @Test
  @Order(1)
  void aWrongPasswordIsRefusedAndTheRightOneShowsBothPrinters() {
    browser.manage().deleteAllCookies();
    board.open();
    assertThat(board.showsSignIn()).as("signed out").isTrue();

    board.submitSignIn(USER, "not-the-password");
    board
        .waitFor(() -> "sign-in error, shows '" + board.signInError() + "'")
        .until(d -> board.signInError().equals("Wrong user or password."));
    assertThat(board.showsBoard()).isFalse();

    board.signIn(USER, PASSWORD);
    assertThat(board.showsSignIn()).isFalse();
    board
        .waitFor(() -> "who-name")
        .until(
            d ->
                d.findElement(By.id("who-name"))
                    .getDomProperty("textContent")
                    .startsWith("operator"));
    for (String printerId : List.of("virtual-1", "virtual-2")) {
      board
          .waitFor(() -> "printer card " + printerId)
          .until(d -> d.findElement(board.printer(printerId)).isDisplayed());
      // Its agent registered it and beats every 15 s: never offline while the system runs.
      assertThat(board.printerStatus(printerId)).isIn("ready", "printing");
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> printers =
        (List<Map<String, Object>>) api.get("/v1/printers").get("printers");
    assertThat(printers).extracting(p -> p.get("printerId")).contains("virtual-1", "virtual-2");
  }

  @Test
  @Order(2)
  void aTwoHundredLabelJobShowsItsProgressMoveToTheEnd() {
    VirtualPrinter printer = system.virtualPrinters().get(0);
    String product = marker("progress");
    String jobId = submit(printer.name(), null, product, 200);

    board.awaitJob(jobId);
    List<Integer> counts = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    AtomicBoolean screenshot = new AtomicBoolean();
    AtomicBoolean midway = new AtomicBoolean();
    Pattern count = Pattern.compile("(\\d+) of 200");
    await("job " + jobId + " shows 200 of 200")
        .atMost(FINISH)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Matcher m = count.matcher(board.jobCount(jobId));
              if (!m.matches()) {
                return false;
              }
              int printed = Integer.parseInt(m.group(1));
              if (counts.isEmpty() || counts.getLast() != printed) {
                counts.add(printed);
                statuses.add(board.jobStatus(jobId));
              }
              // One shot as soon as it moves, and a better one if it is seen well under way.
              if (printed > 0 && printed < 200 && !screenshot.getAndSet(true)
                  || printed >= 50 && printed <= 150 && !midway.getAndSet(true)) {
                board.screenshot(Path.of("target", "board.png"));
              }
              return printed == 200;
            });
    board.awaitJobStatus(jobId, "completed");

    assertThat(counts).as("counts the page showed").isSorted().endsWith(200);
    assertThat(counts.stream().filter(n -> n < 200).distinct())
        .as("counts below 200 the page showed: %s", counts)
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(counts).as("the page showed the job part-way").anyMatch(n -> n > 0 && n < 200);
    assertThat(statuses).contains("printing");
    assertThat(Path.of("target", "board.png")).isNotEmptyFile();

    assertThat(api.job(jobId))
        .containsEntry("status", "completed")
        .containsEntry("printed", 200)
        .containsEntry("failed", 0)
        .containsEntry("total", 200);
    assertThat(printedOf(printer, product)).hasSize(200);
  }

  @Test
  @Order(3)
  void aPrinterPausedInThePageHoldsItsJobUntilResumed() {
    VirtualPrinter printer = system.virtualPrinters().get(1);
    String printerId = printer.name();

    board.clickPrinterAction(printerId, "pause");
    board.awaitPrinterStatus(printerId, "paused");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(api.get("/v1/printers/" + printerId)).containsEntry("status", "paused"));

    String product = marker("held");
    String jobId = submit(printerId, null, product, 4);
    board.awaitJob(jobId);
    board
        .waitFor(() -> "queued at position 1, shows " + board.jobMeta(jobId))
        .until(d -> board.jobMeta(jobId).contains("position 1 in queue"));
    await("job " + jobId + " stays queued on the paused printer")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(api.job(jobId))
                  .containsEntry("status", "queued")
                  .containsEntry("printed", 0);
              assertThat(board.jobStatus(jobId)).isEqualTo("queued");
              assertThat(board.jobCount(jobId)).isEqualTo("0 of 4");
            });
    assertThat(printedOf(printer, product)).isEmpty();

    board.clickPrinterAction(printerId, "resume");
    board
        .waitFor(() -> "printer resumed, shows " + board.printerStatus(printerId))
        .until(d -> Set.of("ready", "printing").contains(board.printerStatus(printerId)));
    assertThat((String) api.get("/v1/printers/" + printerId).get("status"))
        .isIn("ready", "printing");
    board.awaitJobStatus(jobId, "completed");
    assertThat(board.jobCount(jobId)).isEqualTo("4 of 4");
    assertThat(api.job(jobId)).containsEntry("status", "completed").containsEntry("printed", 4);
    assertThat(printedOf(printer, product)).hasSize(4);
    board.awaitPrinterStatus(printerId, "ready");
  }

  @Test
  @Order(4)
  void aJobCancelledInThePageNeverPrints() {
    VirtualPrinter printer = system.virtualPrinters().get(1);
    String printerId = printer.name();
    pausePrinter(printerId);

    String product = marker("cancelled");
    String jobId = submit(printerId, null, product, 4);
    board.awaitJobStatus(jobId, "queued");
    board.cancelJob(jobId);
    board.awaitJobStatus(jobId, "cancelled");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(api.job(jobId))
                    .containsEntry("status", "cancelled")
                    .containsEntry("printed", 0));

    assertThat(operator.post("/v1/printers/" + printerId + "/resume")).isEqualTo(200);
    // A low-priority job sent after it: had the cancelled (high) job still been waiting, the
    // printer would have printed it first.
    String after = marker("after-cancel");
    String probe = submit(printerId, "low", after, 1);
    awaitFinal(probe);
    assertThat(status(probe)).isEqualTo("completed");
    assertThat(printedOf(printer, after)).hasSize(1);
    assertThat(printedOf(printer, product)).as("labels of the cancelled job").isEmpty();
    assertThat(api.job(jobId)).containsEntry("status", "cancelled").containsEntry("printed", 0);
    assertThat(api.labels(jobId)).noneMatch(label -> "printed".equals(label.get("status")));
    assertThat(board.jobStatus(jobId)).isEqualTo("cancelled");
  }

  @Test
  @Order(5)
  void aFailedJobResumedInThePageBecomesAnUrgentJobThatPrintsWhatWasLeft() {
    VirtualPrinter printer = system.virtualPrinters().get(1);
    String printerId = printer.name();
    // The agent keeps its connection to a printer open between jobs, and refusing connects
    // leaves an open one alone. So the printer is "switched off" by refusing new connects and
    // cutting the open one once the first label has arrived. The warm-up job makes sure there
    // is an open connection to cut (else the armed cut would wait for a later connection).
    String warmUp = submit(printerId, "high", marker("warm-up"), 1);
    awaitFinal(warmUp);
    assertThat(status(warmUp)).isEqualTo("completed");
    String product = marker("failed");
    String failed;
    printer.refuseConnections(true);
    try {
      printer.dropConnectionAfter(1);
      failed = submit(printerId, null, product, 5);
      board.awaitJob(failed);
      board.awaitJobStatus(failed, "failed");
      board.awaitPrinterStatus(printerId, "offline");
      assertThat(board.jobCount(failed)).isEqualTo("0 of 5");
      // Label 1 reached the printer but the cut left that unknown: it is not counted printed.
      board
          .waitFor(() -> "label 1 shown uncertain, shows " + board.jobProblems(failed))
          .until(d -> board.jobProblems(failed).contains("Uncertain (may be duplicated): 1"));
      assertThat(api.job(failed))
          .containsEntry("status", "failed")
          .containsEntry("printed", 0)
          .containsEntry("uncertainLabels", List.of(1));
      List<Map<String, Object>> labels = api.labels(failed);
      assertThat(labels)
          .hasSize(5)
          .allSatisfy(label -> assertThat(label.get("status")).isIn("pending", "failed"));
      assertThat(labels.getFirst()).containsEntry("uncertain", true);
      assertThat(printedOf(printer, product)).hasSize(1);
    } finally {
      printer.refuseConnections(false);
    }

    board.clickJobAction(failed, "resume");
    String resumed = board.awaitChildOf(failed);
    assertThat(resumed).isNotEqualTo(failed);
    board
        .waitFor(() -> "flash naming the new job, shows " + board.flash())
        .until(d -> board.flash().contains(resumed));
    assertThat(board.jobMeta(resumed)).contains("high").contains("from " + failed);
    // Resumed once: the failed job names its follow-up and offers no second resume.
    board
        .waitFor(() -> "failed job names its follow-up, shows " + board.jobMeta(failed))
        .until(d -> board.jobMeta(failed).contains("resumed as " + resumed));
    assertThat(board.showsJobAction(failed, "resume")).isFalse();
    assertThat(api.job(failed)).containsEntry("resumedAs", resumed);
    board.awaitJobStatus(resumed, "completed");
    assertThat(board.jobCount(resumed)).isEqualTo("5 of 5");

    Map<String, Object> child = api.job(resumed);
    assertThat(child)
        .containsEntry("parentJobId", failed)
        .containsEntry("priority", "high")
        .containsEntry("status", "completed")
        .containsEntry("total", 5)
        .containsEntry("printed", 5);
    assertThat(api.job(failed)).containsEntry("status", "failed");
    // Label 1 once from the cut job (the duplicate the page warned of), then all five in order.
    List<String> labels = printedOf(printer, product);
    assertThat(labels).hasSize(6);
    assertThat(labels.getFirst()).contains("^FDBox 1 of 5^FS");
    for (int n = 1; n <= 5; n++) {
      assertThat(labels.get(n)).contains("^FDBox " + n + " of 5^FS");
    }
    board.awaitPrinterStatus(printerId, "ready");
  }

  @Test
  @Order(6)
  void labelsFiveToSevenReprintedFromThePage() {
    VirtualPrinter printer = system.virtualPrinters().get(0);
    String product = marker("reprint");
    String original = submit(printer.name(), null, product, 8);
    board.awaitJobStatus(original, "completed");
    assertThat(board.jobCount(original)).isEqualTo("8 of 8");

    board.reprint(original, "5-7");
    String reprint = board.awaitChildOf(original);
    board.awaitJobStatus(reprint, "completed");
    assertThat(board.jobCount(reprint)).isEqualTo("3 of 3");

    assertThat(api.job(reprint))
        .containsEntry("parentJobId", original)
        .containsEntry("priority", "high")
        .containsEntry("status", "completed")
        .containsEntry("total", 3)
        .containsEntry("printed", 3);
    List<String> all = printer.printed();
    List<String> lastThree = all.subList(all.size() - 3, all.size());
    for (int i = 0; i < 3; i++) {
      assertThat(lastThree.get(i))
          .contains("^FD" + product + "^FS")
          .contains("^FDBox " + (5 + i) + " of 8^FS");
    }
    assertThat(printedOf(printer, product)).hasSize(11);
  }

  @Test
  @Order(7)
  void aJobMadeUrgentInThePagePrintsBeforeAnOlderOne() {
    VirtualPrinter printer = system.virtualPrinters().get(0);
    String printerId = printer.name();
    pausePrinter(printerId);
    String productA = marker("older");
    String productB = marker("urgent");
    String a = submit(printerId, "low", productA, 3);
    String b = submit(printerId, "low", productB, 3);
    board.awaitJobStatus(a, "queued");
    board.awaitJobStatus(b, "queued");
    board
        .waitFor(() -> "B second in the queue, shows " + board.jobMeta(b))
        .until(d -> board.jobMeta(b).contains("low · position 2 in queue"));

    board.clickJobAction(b, "priority");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(api.job(b)).containsEntry("priority", "high"));
    board
        .waitFor(() -> "B urgent and first, shows " + board.jobMeta(b))
        .until(d -> board.jobMeta(b).contains("high · position 1 in queue"));
    assertThat(
            browser
                .findElement(board.job(b))
                .findElement(By.cssSelector("[data-job-action=priority]"))
                .isDisplayed())
        .as("Make urgent offered again")
        .isFalse();
    assertThat(api.job(a)).containsEntry("priority", "low");

    board.clickPrinterAction(printerId, "resume");
    board.awaitJobStatus(b, "completed");
    board.awaitJobStatus(a, "completed");

    Map<String, Object> jobA = api.job(a);
    Map<String, Object> jobB = api.job(b);
    assertThat(jobA).containsEntry("status", "completed").containsEntry("printed", 3);
    assertThat(jobB).containsEntry("status", "completed").containsEntry("printed", 3);
    assertThat(instant(jobB, "finishedAt"))
        .as("B finished before A started")
        .isBeforeOrEqualTo(instant(jobA, "startedAt"));
    List<String> all = printer.printed();
    int lastOfB =
        IntStream.range(0, all.size())
            .filter(i -> all.get(i).contains(productB))
            .max()
            .orElseThrow();
    int firstOfA =
        IntStream.range(0, all.size())
            .filter(i -> all.get(i).contains(productA))
            .min()
            .orElseThrow();
    assertThat(lastOfB).as("B's last label before A's first on the printer").isLessThan(firstOfA);
  }

  // --- helpers

  /** Submits a template job over the API; its labels all carry {@code product}. */
  private String submit(String printerId, String priority, String product, int labels) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("printerId", printerId);
    if (priority != null) {
      body.put("priority", priority);
    }
    body.put("reference", product);
    body.put("template", TEMPLATE);
    List<Map<String, Object>> data = new ArrayList<>();
    for (int n = 1; n <= labels; n++) {
      data.add(
          Map.of(
              "data",
              Map.of("product", product, "n", String.valueOf(n), "total", String.valueOf(labels))));
    }
    body.put("labels", data);
    ApiClient.Response created = api.post("/v1/jobs", body);
    assertThat(created.status()).as("submit answered %s", created).isEqualTo(201);
    String jobId = (String) created.body().get("jobId");
    submitted.add(jobId);
    return jobId;
  }

  private void pausePrinter(String printerId) {
    assertThat(operator.post("/v1/printers/" + printerId + "/pause")).as("pause").isEqualTo(200);
    board.awaitPrinterStatus(printerId, "paused");
  }

  private void awaitFinal(String jobId) {
    await("job " + jobId + " finished")
        .atMost(FINISH)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> FINAL.contains(status(jobId)));
  }

  private static String status(String jobId) {
    return (String) api.job(jobId).get("status");
  }

  private static Instant instant(Map<String, Object> job, String field) {
    Object value = job.get(field);
    assertThat(value).as("%s of job %s", field, job.get("jobId")).isNotNull();
    return Instant.parse((String) value);
  }

  /** The labels this printer printed that carry {@code product}, in printing order. */
  private static List<String> printedOf(VirtualPrinter printer, String product) {
    String field = "^FD" + product + "^FS";
    return printer.printed().stream().filter(label -> label.contains(field)).toList();
  }

  private static String marker(String what) {
    return "BROWSER-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
