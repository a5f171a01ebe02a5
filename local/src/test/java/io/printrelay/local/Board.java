package io.printrelay.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator board (cloud-function's public/index.html + app.js) as a test sees it: cards by ID
 * ({@code job-<id>}, {@code printer-<id>}), their texts, and the buttons an operator clicks. Texts
 * are read as {@code textContent}: the style sheet upper-cases the badges on screen.
 */
final class Board {
  private final WebDriver browser;
  private final URI baseUrl;
  private final Duration timeout;
  private final WebDriverWait wait;

  Board(WebDriver browser, URI baseUrl, Duration timeout) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.wait = waitFor(() -> "the board");
  }

  /** A fresh wait (its message is its own), polling every 100 ms, riding out re-renders. */
  WebDriverWait waitFor(Supplier<String> message) {
    WebDriverWait w = new WebDriverWait(browser, timeout, Duration.ofMillis(100));
    w.ignoring(StaleElementReferenceException.class).withMessage(message);
    return w;
  }

  /** Loads the page afresh and waits until it shows either the sign-in form or the board. */
  void open() {
    browser.get(baseUrl.resolve("/").toString());
    wait.until(d -> visible(By.id("sign-in")) || visible(By.id("board")));
  }

  boolean showsSignIn() {
    return visible(By.id("sign-in"));
  }

  boolean showsBoard() {
    return visible(By.id("board"));
  }

  /** Fills the sign-in form and submits it; does not wait for the outcome. */
  void submitSignIn(String username, String password) {
    WebElement form =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    WebElement user = form.findElement(By.id("username"));
    user.clear();
    user.sendKeys(username);
    WebElement secret = form.findElement(By.id("password"));
    secret.clear();
    secret.sendKeys(password);
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  void signIn(String username, String password) {
    submitSignIn(username, password);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
  }

  /** Opens the page and signs in unless the session cookie already does. */
  void openSignedIn(String username, String password) {
    open();
    if (showsSignIn()) {
      signIn(username, password);
    }
  }

  String signInError() {
    return text(By.id("sign-in-error"));
  }

  String flash() {
    return text(By.id("flash"));
  }

  // --- printers

  By printer(String printerId) {
    return By.id("printer-" + printerId);
  }

  String printerStatus(String printerId) {
    return text(printer(printerId), ".printer-status");
  }

  void awaitPrinterStatus(String printerId, String status) {
    waitFor(
            () ->
                "printer " + printerId + " badge " + status + ", shows " + printerStatus(printerId))
        .until(d -> status.equals(printerStatus(printerId)));
  }

  void clickPrinterAction(String printerId, String action) {
    clickWhenShown(printer(printerId), "[data-printer-action=" + action + "]");
  }

  // --- jobs

  By job(String jobId) {
    return By.id("job-" + jobId);
  }

  WebElement awaitJob(String jobId) {
    return waitFor(() -> "job card job-" + jobId)
        .until(ExpectedConditions.visibilityOfElementLocated(job(jobId)));
  }

  String jobStatus(String jobId) {
    return text(job(jobId), ".job-status");
  }

  /** "150 of 200". */
  String jobCount(String jobId) {
    return text(job(jobId), ".job-count");
  }

  /** "virtual-1 · normal · position 1 in queue · from <parent>". */
  String jobMeta(String jobId) {
    return text(job(jobId), ".job-meta");
  }

  String jobProblems(String jobId) {
    return text(job(jobId), ".job-problems");
  }

  void awaitJobStatus(String jobId, String status) {
    waitFor(() -> "job " + jobId + " badge " + status + ", shows " + jobStatus(jobId))
        .until(d -> status.equals(jobStatus(jobId)));
  }

  void awaitJobCount(String jobId, String count) {
    waitFor(() -> "job " + jobId + " count " + count + ", shows " + jobCount(jobId))
        .until(d -> count.equals(jobCount(jobId)));
  }

  void clickJobAction(String jobId, String action) {
    clickWhenShown(job(jobId), "[data-job-action=" + action + "]");
  }

  /** Whether the job's card shows the button of this action. */
  boolean showsJobAction(String jobId, String action) {
    return visible(By.cssSelector("#job-" + jobId + " [data-job-action=" + action + "]"));
  }

  /** Cancel asks window.confirm first: click, then accept the dialog. */
  void cancelJob(String jobId) {
    clickJobAction(jobId, "cancel");
    wait.until(ExpectedConditions.alertIsPresent()).accept();
  }

  void reprint(String jobId, String labels) {
    WebElement card = awaitJob(jobId);
    WebElement input =
        wait.until(
            d -> {
              WebElement field = card.findElement(By.cssSelector(".reprint input[name=labels]"));
              return field.isDisplayed() ? field : null;
            });
    input.clear();
    input.sendKeys(labels);
    card.findElement(By.cssSelector(".reprint button[type=submit]")).click();
  }

  /** The ID of the job card whose meta line says "from {@code parentId}", once one shows. */
  String awaitChildOf(String parentId) {
    By child =
        By.xpath(
            "//div[@id='jobs']/article[.//p[contains(@class,'job-meta')"
                + " and contains(., 'from "
                + parentId
                + "')]]");
    WebElement card =
        waitFor(() -> "a job card from " + parentId)
            .until(ExpectedConditions.visibilityOfElementLocated(child));
    return card.getDomAttribute("data-id");
  }

  // --- screenshots

  Path screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      return Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- plumbing

  private void clickWhenShown(By cardLocator, String buttonSelector) {
    WebElement button =
        waitFor(() -> buttonSelector + " shown and enabled in " + cardLocator)
            .until(
                d -> {
                  WebElement b =
                      d.findElement(cardLocator).findElement(By.cssSelector(buttonSelector));
                  return b.isDisplayed() && b.isEnabled() ? b : null;
                });
    button.click();
  }

  private boolean visible(By locator) {
    return browser.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
  }

  private String text(By locator) {
    return browser.findElements(locator).stream()
        .findFirst()
        .map(e -> e.getDomProperty("textContent"))
        .orElse("");
  }

  /** Text of {@code selector} inside the element at {@code card}; "" while the card is absent. */
  private String text(By card, String selector) {
    Optional<WebElement> found = browser.findElements(card).stream().findFirst();
    if (found.isEmpty()) {
      return "";
    }
    return found.get().findElements(By.cssSelector(selector)).stream()
        .findFirst()
        .map(e -> e.getDomProperty("textContent"))
        .map(String::strip)
        .orElse("");
  }
}
