package io.printrelay.function.web;

import static io.printrelay.function.testing.Printers.aPrinter;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.session.SessionCookies;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web view in headless Chromium against the real API: signing in, the board filling from the
 * API, an operator's click reaching the table (with the CSRF header), a viewer seeing no buttons.
 */
@MicronautTest
class WebViewBrowserTest extends ApiTestBase {

  @Inject EmbeddedServer server;
  private WebViewBrowser chromium;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void startBrowser() {
    chromium = WebViewBrowser.start();
    browser = chromium.driver();
    wait = chromium.waiting();
  }

  @AfterAll
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void anOperatorSignsInSeesTheBoardAndPausesAJob() {
    sandbox.store(aPrinter("line-1"));
    Job job = sandbox.store(aJob().on("line-1").reference("MO/BROWSER"));

    signIn(EmbeddedSandbox.OPERATOR);
    WebElement card =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-" + job.jobId())));
    assertThat(card.findElement(By.className("job-reference")).getText()).isEqualTo("MO/BROWSER");
    assertThat(browser.findElement(By.id("printer-line-1")).getText()).contains("1 normal");
    card.findElement(By.cssSelector("[data-job-action=pause]")).click();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(sandbox.job(job.jobId()).status()).isEqualTo(JobStatus.PAUSED));
    // Shown upper-case by the style sheet.
    wait.until(
        ExpectedConditions.textMatches(
            By.cssSelector("#job-" + job.jobId() + " .job-status"), Pattern.compile("(?i)paused")));
    signOut();
  }

  @Test
  void anOperatorSeesWhyAnOdooWebhookFailed() {
    sandbox.store(aPrinter("line-i"));
    Reply profile =
        api.act(
            "/v1/intake/profiles",
            """
            {"name": "MO boxes line i", "printer": {"printerId": "line-i"},
             "template": "^XA^FO30,30^FD{{lot}}^FS^XZ", "fields": {"lot": "lot_producing_id"},
             "quantity": {"fixed": 1}}
            """);
    api.send(
        HttpRequest.POST(
                profile.text("intakePath"),
                "{\"_action\": \"Print(#3)\", \"_id\": 41, \"_model\": \"mrp.production\"}")
            .contentType(MediaType.APPLICATION_JSON));

    signIn(EmbeddedSandbox.OPERATOR);
    By card = By.id("intake-" + profile.text("profileId"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "MO boxes line i"));

    assertThat(browser.findElement(card).getText())
        .contains("mrp.production 41")
        .contains("lot_producing_id is not in the webhook's body")
        .containsIgnoringCase("failed");
    signOut();
  }

  @Test
  void aViewerSeesTheBoardWithoutAnyButtonToAct() {
    sandbox.store(aPrinter("line-v"));
    Job job = sandbox.store(aJob().on("line-v").reference("MO/VIEWER"));

    signIn(EmbeddedSandbox.VIEWER);
    WebElement card =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-" + job.jobId())));
    WebElement printer = browser.findElement(By.id("printer-line-v"));

    // First what the viewer does see: both cards filled in, their buttons in the page (hidden
    // buttons prove nothing on a board that never rendered).
    wait.until(
        ExpectedConditions.textToBePresentInElement(
            card.findElement(By.className("job-reference")), "MO/VIEWER"));
    assertThat(card.findElement(By.className("job-status")).getText())
        .isEqualToIgnoringCase("queued");
    assertThat(card.findElement(By.className("job-count")).getText())
        .isEqualTo("0 of " + job.total());
    assertThat(printer.findElement(By.className("printer-status")).getText())
        .isEqualToIgnoringCase("ready");
    assertThat(printer.getText()).contains("1 normal");
    assertThat(card.findElements(By.cssSelector("button"))).hasSize(6);
    assertThat(printer.findElements(By.cssSelector("button"))).hasSize(3);

    assertThat(card.findElements(By.cssSelector("button"))).noneMatch(WebElement::isDisplayed);
    assertThat(printer.findElements(By.cssSelector("button"))).noneMatch(WebElement::isDisplayed);
    signOut();
  }

  @Test
  void aPrinterWhoseAgentIsOutOfTouchSaysSinceWhenAndTheLastLabelTheTableHeardOf() {
    Instant lastHeard = Instant.now().minus(Duration.ofMinutes(10));
    Job job =
        sandbox.store(aJob().on("line-u").labels(200).printing(121, lastHeard.minusSeconds(60)));
    sandbox.store(aPrinter("line-u").seen(lastHeard).printing(job.jobId()));

    signIn(EmbeddedSandbox.VIEWER);
    try {
      WebElement printer =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("printer-line-u")));
      wait.until(
          ExpectedConditions.textToBePresentInElement(
              printer.findElement(By.className("printer-detail")), "agent unreachable since"));
      assertThat(printer.findElement(By.className("printer-detail")).getText())
          .endsWith("last synced label 120 of 200");
    } finally {
      signOut();
    }
  }

  @Test
  void aJobResumedAlreadyOffersNoResumeAndNamesTheJobItWasResumedAs() {
    sandbox.store(aPrinter("line-r"));
    Job resumed =
        sandbox.store(aJob().on("line-r").status(JobStatus.CANCELLED).resumedAs("follow-up-7"));
    Job notYet = sandbox.store(aJob().on("line-r").status(JobStatus.CANCELLED));

    signIn(EmbeddedSandbox.OPERATOR);
    try {
      WebElement resumedCard =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.id("job-" + resumed.jobId())));
      WebElement notYetCard =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-" + notYet.jobId())));

      assertThat(resumedCard.findElement(By.className("job-meta")).getText())
          .contains("resumed as follow-up-7");
      assertThat(resumedCard.findElement(By.cssSelector("[data-job-action=resume]")).isDisplayed())
          .isFalse();
      assertThat(notYetCard.findElement(By.cssSelector("[data-job-action=resume]")).isDisplayed())
          .isTrue();
    } finally {
      signOut();
    }
  }

  @Test
  void signingOutEverywhereEndsTheAccountsSessionOnOtherDevicesToo() {
    String otherDevice = sessionCookieOf(EmbeddedSandbox.OPERATOR);
    signIn(EmbeddedSandbox.OPERATOR);

    browser.findElement(By.id("sign-out-everywhere")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    assertThat(
            api.send(
                    HttpRequest.GET("/v1/me")
                        .header("Cookie", SessionCookies.SESSION + "=" + otherDevice))
                .status())
        .isEqualTo(401);
  }

  // A session opened elsewhere, as another browser would hold it.
  private String sessionCookieOf(String username) {
    Reply reply =
        api.send(
            HttpRequest.POST(
                    "/login",
                    "{\"username\":\""
                        + username
                        + "\",\"password\":\""
                        + EmbeddedSandbox.PASSWORD
                        + "\"}")
                .contentType(MediaType.APPLICATION_JSON));
    String header =
        reply.headers("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith(SessionCookies.SESSION + "="))
            .findFirst()
            .orElseThrow();
    return header.substring(SessionCookies.SESSION.length() + 1, header.indexOf(';'));
  }

  private void signIn(String username) {
    chromium.signIn(server.getURL(), username);
  }

  private void signOut() {
    chromium.signOut();
  }
}
