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
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A job whose message was dead-lettered, on the board in headless Chromium: said, and redriven. */
@MicronautTest
class DeadLetteredJobBrowserTest extends ApiTestBase {

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
  void anOperatorSeesADeadLetteredJobAndRedrivesIt() {
    sandbox.store(aPrinter("line-d"));
    Job stranded = sandbox.store(aJob().on("line-d").dispatched(1).deadLettered());
    Job waiting = sandbox.store(aJob().on("line-d").dispatched(1));

    chromium.signIn(server.getURL(), EmbeddedSandbox.OPERATOR);
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
}
