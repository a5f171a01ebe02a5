package io.printrelay.function.web;

import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.testing.BrowserRequirement;
import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a browser test class, and the sign-in and sign-out every such test goes
 * through. Start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
final class WebViewBrowser implements AutoCloseable {
  private final WebDriver driver;
  private final WebDriverWait wait;

  private WebViewBrowser(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  static WebViewBrowser start() {
    System.setProperty("webdriver.chrome.driver", BrowserRequirement.chromedriver().toString());
    return new WebViewBrowser(
        new ChromeDriver(new ChromeOptions().addArguments(BrowserRequirement.chromiumArguments())));
  }

  WebDriver driver() {
    return driver;
  }

  WebDriverWait waiting() {
    return wait;
  }

  /** Opens the page and signs in with the sandbox's password; back once the board shows. */
  void signIn(URL site, String username) {
    driver.get(site + "/");
    WebElement form =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    WebElement user = form.findElement(By.id("username"));
    user.clear(); // the page may suggest a name
    user.sendKeys(username);
    form.findElement(By.id("password")).sendKeys(EmbeddedSandbox.PASSWORD);
    form.submit();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
  }

  /** Signs out, so that the next {@link #signIn} finds the sign-in form. */
  void signOut() {
    driver.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
