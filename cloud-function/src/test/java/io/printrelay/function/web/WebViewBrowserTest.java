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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web view in headless Chromium against the real API: signing in, the board filling from the
 * API, an operator's click reaching the table (with the CSRF header), a viewer seeing no buttons.
 */
@MicronautTest
class WebViewBrowserTest extends ApiTestBase {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Inject EmbeddedServer server;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void startBrowser() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "needs chromium-driver");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options =
        new ChromeOptions()
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
    browser = new ChromeDriver(options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
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
  void aViewerSeesTheBoardWithoutAnyButtonToAct() {
    sandbox.store(aPrinter("line-v"));
    Job job = sandbox.store(aJob().on("line-v"));

    signIn(EmbeddedSandbox.VIEWER);
    WebElement card =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-" + job.jobId())));

    assertThat(card.findElements(By.cssSelector("button"))).noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.id("printer-line-v")).findElements(By.cssSelector("button")))
        .noneMatch(WebElement::isDisplayed);
    signOut();
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
    browser.get(server.getURL() + "/");
    WebElement form =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    WebElement user = form.findElement(By.id("username"));
    user.clear();
    user.sendKeys(username);
    form.findElement(By.id("password")).sendKeys(EmbeddedSandbox.PASSWORD);
    form.submit();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
  }

  private void signOut() {
    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
  }
}
