package io.printrelay.function.webhooks;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.SettableClock;
import io.printrelay.model.Job;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profiles that read the record through Odoo 19's JSON-2 API after the webhook, against a fake Odoo
 * over real HTTP that hosts two databases (so X-Odoo-Database is needed) and answers as Odoo 19
 * does, errors included.
 */
@MicronautTest
class OdooJson2HttpTest extends OdooReadTestBase {
  private static final String STAGING = "commissary-staging";
  private static final String TEMPLATE =
      "^XA^CI28^FO30,30^FD{{product}}^FS^FO30,70^FD{{barcode}}^FS"
          + "^FO30,110^FD{{qty}} kg, box {{n}}/{{total}}^FS^XZ";

  private final SettableClock clock = new SettableClock(Instant.now());

  @MockBean(Clock.class)
  Clock clock() {
    return clock;
  }

  @BeforeAll
  void odoo() throws IOException {
    sandbox.registerPrinter("line-1");
    odoo = new FakeOdoo(json);
    odoo.databases.add(STAGING);
    odoo.many2one("mrp.production", "product_id", "product.product");
    odoo.put("product.product", 31, Map.of("name", "Tomato soup", "barcode", "5012345678900"));
    odoo.put(
        "mrp.production",
        17,
        Map.of(
            "name", "WH/MO/00017", "product_id", List.of(31, "Tomato soup"), "product_qty", 3.0));
  }

  @Test
  void theRecordAndItsRelationsAreReadThroughJson2WithTheKeyAsBearer() {
    Created profile = create(FakeOdoo.DATABASE, FakeOdoo.API_KEY);
    int callsBefore = odoo.calls.size();

    JsonNode reply = webhookThenSweep(profile, 17);

    assertThat(reply.get("status").getStringValue())
        .as(String.valueOf(reply.get("reason")))
        .isEqualTo("submitted");
    Job job = sandbox.job(reply.get("jobIds").get(0).getStringValue());
    assertThat(job.total()).isEqualTo(3);
    assertThat(job.reference()).isEqualTo("WH/MO/00017");
    assertThat(content(job.jobId(), 2))
        .contains("^FDTomato soup^FS")
        .contains("^FD5012345678900^FS")
        .contains("box 2/3");
    assertThat(odoo.calls.subList(callsBefore, odoo.calls.size()))
        .as("no authenticate: the key names the user")
        .containsExactly(
            "/json/2/mrp.production/read",
            "/json/2/mrp.production/fields_get",
            "/json/2/product.product/read");
  }

  @Test
  void theProfileShowsItsApiAndNeverTheKey() {
    Created profile = create(FakeOdoo.DATABASE, FakeOdoo.API_KEY);

    Reply read =
        api.send(
            HttpRequest.GET("/v1/intake/profiles/" + profile.profileId())
                .bearerAuth(EmbeddedSandbox.OPERATOR_KEY));

    assertThat(read.body().get("odoo").get("api").getStringValue()).isEqualTo("json-2");
    assertThat(read.body().get("odoo").get("apiKey").isNull()).isTrue();
  }

  @Test
  void aWrongApiKeyFailsTheEventWithOdoosMessage() {
    Created profile = create(FakeOdoo.DATABASE, "not-the-key");

    JsonNode reply = webhookThenSweep(profile, 17);

    assertThat(reply.get("status").getStringValue()).isEqualTo("failed");
    assertThat(reply.get("reason").getStringValue())
        .contains("Odoo refused")
        .contains("the API key of " + FakeOdoo.USER)
        .contains("HTTP 401")
        .contains("werkzeug.exceptions.Unauthorized: Invalid apikey");
  }

  @Test
  void anApiKeyPastedWithItsLineBreakFailsTheEventSayingSo() {
    Created profile = create(FakeOdoo.DATABASE, FakeOdoo.API_KEY + "\\n");

    JsonNode reply = webhookThenSweep(profile, 17);

    assertThat(reply.get("status").getStringValue()).isEqualTo("failed");
    assertThat(reply.get("reason").getStringValue())
        .contains("Authorization cannot carry")
        .contains("line break");
  }

  @Test
  void aRecordDeletedInOdooIsDropped() {
    Created profile = create(FakeOdoo.DATABASE, FakeOdoo.API_KEY);

    JsonNode reply = webhookThenSweep(profile, 99);

    assertThat(reply.get("status").getStringValue()).isEqualTo("dropped");
    assertThat(reply.get("reason").getStringValue()).contains("mrp.production 99 no longer exists");
    assertThat(reply.get("jobIds").values()).isEmpty();
  }

  @Test
  void withoutADatabaseTheServersOnlyDatabaseAnswers() {
    Created profile = create(null, FakeOdoo.API_KEY);
    odoo.databases.remove(STAGING);
    JsonNode reply;
    try {
      reply = webhookThenSweep(profile, 17);
    } finally {
      odoo.databases.add(STAGING);
    }

    assertThat(reply.get("status").getStringValue())
        .as(String.valueOf(reply.get("reason")))
        .isEqualTo("submitted");
  }

  @Test
  void withoutADatabaseAServerOfSeveralServesNoJson2AndTheEventSaysSo() {
    Created profile = create(null, FakeOdoo.API_KEY);

    JsonNode reply = webhookThenSweep(profile, 17);

    assertThat(reply.get("status").getStringValue()).isEqualTo("failed");
    assertThat(reply.get("reason").getStringValue())
        .contains("HTTP 404 to /json/2/mrp.production/read")
        .contains("odoo.database where the server hosts several databases");
  }

  @Test
  void anOdooThatCannotBeReachedIsTriedAgainWithBackoff() {
    Created profile = create(FakeOdoo.DATABASE, FakeOdoo.API_KEY);
    odoo.down = true;
    Reply reply;
    try {
      reply = webhook(profile.token(), 17);
      retries.run();
      assertThat(event(profile, reply.text("eventId")).get("reason").getStringValue())
          .contains("HTTP 502")
          .contains("trying again");
      assertThat(event(profile, reply.text("eventId")).get("status").getStringValue())
          .isEqualTo("received");
    } finally {
      odoo.down = false;
    }
    retries.run();
    assertThat(event(profile, reply.text("eventId")).get("status").getStringValue())
        .as("not due yet")
        .isEqualTo("received");
    clock.advance(Duration.ofMinutes(1));
    retries.run();

    JsonNode event = event(profile, reply.text("eventId"));
    assertThat(event.get("status").getStringValue()).isEqualTo("submitted");
    assertThat(content(event.get("jobIds").get(0).getStringValue(), 1)).contains("Tomato soup");
  }

  @Test
  void anApiOtherThanJsonRpcOrJson2IsA422NamingTheField() {
    Reply xmlRpc = api.act("/v1/intake/profiles", body("\"api\": \"xml-rpc\", ", FakeOdoo.API_KEY));
    Reply jsonRpcWithoutDatabase =
        api.act("/v1/intake/profiles", body("\"api\": \"json-rpc\", ", FakeOdoo.API_KEY));

    assertProblem(xmlRpc, 422);
    assertThat(xmlRpc.body().get("errors").values())
        .extracting(error -> error.get("field").getStringValue())
        .containsExactly("odoo.api");
    assertProblem(jsonRpcWithoutDatabase, 422);
    assertThat(jsonRpcWithoutDatabase.body().get("errors").values())
        .extracting(error -> error.get("field").getStringValue())
        .containsExactly("odoo.database");
  }

  private Created create(String database, String apiKey) {
    String connection =
        "\"api\": \"json-2\", " + (database == null ? "" : "\"database\": \"" + database + "\", ");
    return createProfile(body(connection, apiKey));
  }

  /** A profile's body whose {@code odoo} connection holds {@code connection}, then user and key. */
  private String body(String connection, String apiKey) {
    return """
        {"name": "MO boxes from Odoo 19", "printer": {"printerId": "line-1"},
         "template": "%s",
         "fields": {"product": "product_id.name", "barcode": "product_id.barcode",
                    "qty": "product_qty", "n": "@n", "total": "@total"},
         "quantity": {"field": "product_qty", "rounding": "up"}, "reference": "name",
         "odoo": {"url": "%s", %s"user": "%s", "apiKey": "%s"}}
        """
        .formatted(TEMPLATE, odoo.url(), connection, FakeOdoo.USER, apiKey);
  }
}
