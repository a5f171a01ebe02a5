package io.printrelay.function.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.webhooks.ProfileStore;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Intake profiles made, changed, rotated and deleted through the web view's form in headless
 * Chromium, with Odoo's webhook sent to the URL the page showed.
 */
@MicronautTest
class ProfileFormBrowserTest extends ApiTestBase {
  private static final String TEMPLATE =
      "^XA^CI28^FO30,30^A0N,40^FD{{product}}^FS^FO30,90^FDLot {{lot}}^FS"
          + "^FO30,130^FD{{mo}} box {{n}} of {{total}}^FS^XZ";

  /** What Odoo's "Send Webhook Notification" posts for a manufacturing order (docs/odoo.md). */
  private static final String ODOO_WEBHOOK =
      """
      {"_action": "Print MO boxes(#12)", "_id": 17, "_model": "mrp.production",
       "date_finished": "2025-03-14 09:30:00", "id": 17, "lot_producing_id": 8,
       "name": "WH/MO/00017", "product_id": 31, "product_qty": 200.0}
      """;

  @Inject EmbeddedServer server;
  @Inject ProfileStore profiles;
  private WebViewBrowser chromium;
  private WebDriver browser;
  private WebDriverWait wait;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put(
        "printrelay.intake.secret-key", "test-intake-secret-key-of-32-characters-or-more");
    return properties;
  }

  @BeforeAll
  void startBrowser() {
    chromium = WebViewBrowser.start();
    browser = chromium.driver();
    wait = chromium.waiting();
    sandbox.registerPrinter("line-f");
  }

  @AfterAll
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @AfterEach
  void signOut() {
    chromium.signOut();
  }

  @Test
  void aProfileMadeInTheFormPrintsOdoosWebhookAndItsRotatedTokenReplacesTheOld() {
    chromium.signIn(server.getURL(), EmbeddedSandbox.OPERATOR);
    newProfile();
    type("profile-name", "MO boxes, line f");
    type("profile-model", "mrp.production");
    type("printer-id", "line-f");
    type("profile-template", TEMPLATE);
    type("quantity-field", "product_qty"); // leaving the template added its placeholders' rows
    type("profile-reference", "name");
    placeholder("product").sendKeys("product_id");
    placeholder("lot").sendKeys("lot_producing_id");
    placeholder("mo").sendKeys("name");
    save();

    String intakeUrl = shownIntakeUrl();
    assertThat(intakeUrl).startsWith(server.getURL() + "/v1/intake/odoo/");
    assertThat(browser.findElement(By.id("token-note")).getText()).contains("Shown once");
    closeIntakeUrl();
    assertThat(browser.findElement(By.id("intake-url")).getDomProperty("value")).isEmpty();

    Reply webhook = postWebhook(intakeUrl);
    assertThat(webhook.status()).isEqualTo(202);
    String jobId = webhook.body().get("jobIds").get(0).getStringValue();
    wait.until(textToBePresentInElementLocated(By.id("job-" + jobId), "WH/MO/00017"));
    assertThat(browser.findElement(By.id("job-" + jobId)).getText()).contains("0 of 200");

    JsonNode before = profileNamed("MO boxes, line f");
    String profileId = before.get("profileId").getStringValue();
    cardButton(profileId, "edit").click();
    wait.until(attributeToBe(By.id("profile-name"), "value", "MO boxes, line f"));
    new Select(browser.findElement(By.id("profile-priority"))).selectByValue("high");
    save();
    wait.until(invisibilityOfElementLocated(By.id("profile-dialog")));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "high".equals(profile(profileId).get("priority").getStringValue()));
    JsonNode after = profile(profileId);
    assertThat(after.get("model").getStringValue()).isEqualTo("mrp.production");
    for (String kept : List.of("model", "printer", "template", "fields", "quantity", "reference")) {
      assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
    }

    cardButton(profileId, "rotate").click();
    wait.until(alertIsPresent()).accept();
    String rotatedUrl = shownIntakeUrl();
    closeIntakeUrl();
    assertThat(rotatedUrl).isNotEqualTo(intakeUrl);
    assertThat(postWebhook(intakeUrl).status()).isEqualTo(404);
    assertThat(postWebhook(rotatedUrl).status()).isEqualTo(202);

    cardButton(profileId, "delete").click();
    wait.until(alertIsPresent()).accept();
    wait.until(invisibilityOfElementLocated(By.id("intake-" + profileId)));
    assertThat(asOperator(HttpRequest.GET("/v1/intake/profiles/" + profileId)).status())
        .isEqualTo(404);
  }

  @Test
  void theApisRefusalIsShownNextToEachFieldItNames() {
    chromium.signIn(server.getURL(), EmbeddedSandbox.OPERATOR);
    newProfile();
    type("printer-id", "line-f");
    type("profile-template", "^XA^FO30,30^FDBox^FS^XZ");
    type("quantity-field", "product_qty");
    type("profile-status-url", "odoo.example.com/web/hook/1");

    save();

    wait.until(textToBePresentInElementLocated(By.id("e-name"), "is required"));
    assertThat(browser.findElement(By.id("e-statusUrl")).getText())
        .isEqualTo("must be an http(s) URL");
    assertThat(browser.findElement(By.id("profile-name")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("profile-status-url")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("profile-name");
    assertThat(browser.findElement(By.id("e-printer.printerId")).getText()).isEmpty();
    browser.findElement(By.id("profile-cancel")).click();
    wait.until(invisibilityOfElementLocated(By.id("profile-dialog")));
  }

  @Test
  void anOdooReadingProfileChangedWithTheApiKeyLeftEmptyKeepsItsStoredKey() {
    Reply created =
        asOperator(
            HttpRequest.POST(
                    "/v1/intake/profiles",
                    """
                    {"name": "Lots from Odoo", "printer": {"printerId": "line-f"},
                     "template": "^XA^FO30,30^FD{{lot}}^FS^XZ", "fields": {"lot": "name"},
                     "quantity": {"fixed": 1},
                     "odoo": {"url": "https://odoo.example.com", "database": "example",
                              "user": "printrelay@example.com", "apiKey": "the-odoo-api-key"}}
                    """)
                .contentType(MediaType.APPLICATION_JSON));
    String profileId = created.text("profileId");
    String sealedKey = storedApiKey(profileId);

    chromium.signIn(server.getURL(), EmbeddedSandbox.OPERATOR);
    wait.until(visibilityOfElementLocated(By.id("intake-" + profileId)));
    cardButton(profileId, "edit").click();
    wait.until(attributeToBe(By.id("odoo-user"), "value", "printrelay@example.com"));
    assertThat(browser.findElement(By.id("odoo-api-key")).getDomProperty("value")).isEmpty();
    assertThat(browser.findElement(By.id("odoo-api-key-hint")).getText()).contains("keep");
    assertThat(new Select(browser.findElement(By.id("odoo-api"))).getFirstSelectedOption())
        .extracting(option -> option.getDomProperty("value"))
        .isEqualTo("json-rpc");
    WebElement user = browser.findElement(By.id("odoo-user"));
    user.clear();
    user.sendKeys("labels@example.com");
    new Select(browser.findElement(By.id("odoo-api"))).selectByValue("json-2");
    save();

    wait.until(invisibilityOfElementLocated(By.id("profile-dialog")));
    assertThat(profile(profileId).get("odoo").get("user").getStringValue())
        .isEqualTo("labels@example.com");
    assertThat(profile(profileId).get("odoo").get("api").getStringValue()).isEqualTo("json-2");
    // Sealed again, it would differ: every seal has a fresh nonce.
    assertThat(storedApiKey(profileId)).isEqualTo(sealedKey);
  }

  private void newProfile() {
    // The intake section shows once the board's first load is done.
    wait.until(visibilityOfElementLocated(By.id("new-profile"))).click();
    wait.until(visibilityOfElementLocated(By.id("profile-form")));
  }

  private void type(String id, String text) {
    browser.findElement(By.id(id)).sendKeys(text);
  }

  private WebElement placeholder(String name) {
    return browser.findElements(By.cssSelector("#placeholders .row")).stream()
        .filter(row -> name.equals(row.findElement(By.name("key")).getDomProperty("value")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for {{" + name + "}}"))
        .findElement(By.name("value"));
  }

  private void save() {
    browser.findElement(By.cssSelector("#profile-form [type=submit]")).click();
  }

  private String shownIntakeUrl() {
    WebElement url = wait.until(visibilityOfElementLocated(By.id("intake-url")));
    return url.getDomProperty("value");
  }

  private void closeIntakeUrl() {
    browser.findElement(By.id("token-done")).click();
    wait.until(invisibilityOfElementLocated(By.id("token-dialog")));
  }

  private WebElement cardButton(String profileId, String action) {
    return wait.until(
        visibilityOfElementLocated(
            By.cssSelector("#intake-" + profileId + " [data-profile-action=" + action + "]")));
  }

  private Reply postWebhook(String intakeUrl) {
    return api.send(
        HttpRequest.POST(URI.create(intakeUrl).getPath(), ODOO_WEBHOOK)
            .contentType(MediaType.APPLICATION_JSON));
  }

  private JsonNode profileNamed(String name) {
    JsonNode list = asOperator(HttpRequest.GET("/v1/intake/profiles")).body().get("profiles");
    for (JsonNode profile : list.values()) {
      if (name.equals(profile.get("name").getStringValue())) {
        return profile;
      }
    }
    throw new AssertionError("no profile named " + name);
  }

  private JsonNode profile(String profileId) {
    return asOperator(HttpRequest.GET("/v1/intake/profiles/" + profileId)).body();
  }

  private Reply asOperator(MutableHttpRequest<?> request) {
    return api.send(request.bearerAuth(EmbeddedSandbox.OPERATOR_KEY));
  }

  private String storedApiKey(String profileId) {
    return profiles.profile(profileId).orElseThrow().settings().odoo().apiKey();
  }
}
