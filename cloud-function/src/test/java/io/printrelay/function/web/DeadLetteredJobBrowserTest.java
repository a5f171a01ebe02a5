package io.printrelay.function.web;

import static io.printrelay.function.testing.Printers.aPrinter;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.model.Job;
import io.printrelay.model.Priority;
import io.printrelay.testing.BrowserRequirement;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A job whose message was dead-lettered, on the board in headless Chromium: said, and redriven. */
@MicronautTest
class DeadLetteredJobBrowserTest extends ApiTestBase {

  @Inject EmbeddedServer server;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void startBrowser() throws Exception {
    System.setProperty("webdriver.chrome.driver", BrowserRequirement.chromedriver().toString());
    browser =
        new ChromeDriver(new ChromeOptions().addArguments(BrowserRequirement.chromiumArguments()));
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anOperatorSeesADeadLetteredJobAndRedrivesIt() {
    sandbox.store(aPrinter("line-d"));
    Job stranded = sandbox.store(aJob().on("line-d").dispatched(1).deadLettered());
    Job waiting = sandbox.store(aJob().on("line-d").dispatched(1));

    signInAsOperator();
    WebElement card =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-" + stranded.jobId())));
    assertThat(card.findElement(By.className("job-problems")).getText()).contains("dead-lettered");
    assertThat(
            browser
                .findElement(By.id("job-" + waiting.jobId()))
                .findElement(By.cssSelector("[data-job-action=redrive]"))
                .isDisplayed())
        .as("only a dead-lettered job offers it")
        .isFalse();

    card.findElement(By.cssSelector("[data-job-action=redrive]")).click();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Job now = sandbox.job(stranded.jobId());
              return now.dispatchCount() == 2 && !now.dispatchPending(); // sent and confirmed
            });
    assertThat(sandbox.job(stranded.jobId()).deadLettered()).isFalse();
    assertThat(sandbox.takeMessages(Priority.NORMAL))
        .singleElement()
        .satisfies(message -> assertThat(message.dispatch()).isEqualTo(2));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("#job-" + stranded.jobId() + " [data-job-action=redrive]")));
  }

  private void signInAsOperator() {
    browser.get(server.getURL() + "/");
    WebElement form =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    WebElement user = form.findElement(By.id("username"));
    user.clear(); // the page may suggest a name
    user.sendKeys(EmbeddedSandbox.OPERATOR);
    form.findElement(By.id("password")).sendKeys(EmbeddedSandbox.PASSWORD);
    form.submit();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
  }
}
