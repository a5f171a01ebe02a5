package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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
 * Profiles that read the record from Odoo's external API (JSON-RPC) after the webhook, against a
 * fake Odoo over real HTTP that answers as Odoo does, errors included.
 */
@MicronautTest
class OdooReadHttpTest extends OdooReadTestBase {
  private static final String TEMPLATE =
      "^XA^CI28^FO30,30^FD{{product}} ({{code}})^FS^FO30,90^FDLot {{lot}}^FS"
          + "^FO30,130^FD{{n}}/{{total}}^FS^XZ";

  private final SettableClock clock = new SettableClock(Instant.now());

  @MockBean(Clock.class)
  Clock clock() {
    return clock;
  }

  @BeforeAll
  void odoo() throws IOException {
    sandbox.registerPrinter("line-1");
    odoo = new FakeOdoo(json);
    odoo.many2one("mrp.production", "product_id", "product.product");
    odoo.many2one("mrp.production", "lot_producing_id", "stock.lot");
    odoo.put("product.product", 31, Map.of("name", "Tomato soup", "default_code", "TS-1"));
    odoo.put(
        "mrp.production",
        17,
        Map.of(
            "name",
            "WH/MO/00017",
            "product_id",
            List.of(31, "[TS-1] Tomato soup"),
            "lot_producing_id",
            List.of(8, "LOT-0042"),
            "product_qty",
            3.0,
            "date_finished",
            "2025-03-14 09:30:00"));
    odoo.put(
        "mrp.production",
        18,
        Map.of(
            "name",
            "WH/MO/00018",
            "product_id",
            List.of(31, "[TS-1] Tomato soup"),
            "lot_producing_id",
            false,
            "product_qty",
            1.0,
            "date_finished",
            false));
  }

  @Test
  void theRecordIsReadFromOdooFollowingMany2oneRelations() {
    Created profile = create(FakeOdoo.API_KEY);

    JsonNode reply = webhookThenSweep(profile, 17);

    assertThat(reply.get("status").getStringValue())
        .as(String.valueOf(reply.get("reason")))
        .isEqualTo("submitted");
    Job job = sandbox.job(reply.get("jobIds").get(0).getStringValue());
    assertThat(job.total()).isEqualTo(3);
    assertThat(job.reference()).isEqualTo("WH/MO/00017");
    assertThat(content(job.jobId(), 1))
        .contains("Tomato soup (TS-1)")
        .contains("Lot LOT-0042")
        .contains("1/3");
    assertThat(odoo.calls).contains("common.authenticate", "object.execute_kw");
  }

  @Test
  void theApiKeyIsStoredSealedAndNeverAnswered() {
    Created profile = create(FakeOdoo.API_KEY);

    Reply read =
        api.send(
            HttpRequest.GET("/v1/intake/profiles/" + profile.profileId())
                .bearerAuth(EmbeddedSandbox.OPERATOR_KEY));

    assertThat(read.body().get("odoo").get("apiKey").isNull()).isTrue();
    assertThat(read.body().get("odoo").get("user").getStringValue()).isEqualTo(FakeOdoo.USER);
    assertThat(read.body().get("odoo").get("api").getStringValue())
        .as("none named: JSON-RPC, as before the choice existed")
        .isEqualTo("json-rpc");
    String stored = sandbox.dynamoDb().scan(b -> b.tableName(sandbox.table())).items().toString();
    assertThat(stored).doesNotContain(FakeOdoo.API_KEY).contains("aesgcm1:");
  }

  @Test
  void aChangeWithoutTheApiKeyKeepsTheStoredOneAndOdooIsStillRead() {
    Created profile = create(FakeOdoo.API_KEY);

    Reply changed =
        api.send(
            HttpRequest.PUT(
                    "/v1/intake/profiles/" + profile.profileId(),
                    settings("null")
                        .replace("\"reference\"", "\"priority\": \"high\", \"reference\""))
                .contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(EmbeddedSandbox.OPERATOR_KEY));
    JsonNode reply = webhookThenSweep(profile, 17);

    assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(200);
    assertThat(changed.text("priority")).isEqualTo("high");
    assertThat(reply.get("status").getStringValue())
        .as(String.valueOf(reply.get("reason")))
        .isEqualTo("submitted");
  }

  @Test
  void aWrongApiKeyFailsTheEventWithOdoosAnswer() {
    Created profile = create("not-the-key");

    JsonNode reply = webhookThenSweep(profile, 17);

    assertThat(reply.get("status").getStringValue()).isEqualTo("failed");
    assertThat(reply.get("reason").getStringValue())
        .contains("Odoo refused")
        .contains(FakeOdoo.USER);
  }

  @Test
  void aRecordDeletedInOdooIsDropped() {
    Created profile = create(FakeOdoo.API_KEY);

    JsonNode reply = webhookThenSweep(profile, 99);

    assertThat(reply.get("status").getStringValue()).isEqualTo("dropped");
    assertThat(reply.get("reason").getStringValue()).contains("mrp.production 99 no longer exists");
    assertThat(reply.get("jobIds").values()).isEmpty();
  }

  @Test
  void anOdooThatCannotBeReachedIsTriedAgainWithBackoff() {
    Created profile = create(FakeOdoo.API_KEY);
    odoo.down = true;
    Reply reply;
    try {
      reply = webhook(profile.token(), 18);
      assertThat(reply.text("status")).isEqualTo("received");
      retries.run();
      assertThat(event(profile, reply.text("eventId")).get("reason").getStringValue())
          .contains("HTTP 502")
          .contains("trying again");
      retries.run();
      assertThat(event(profile, reply.text("eventId")).get("status").getStringValue())
          .as("not due yet")
          .isEqualTo("received");
      clock.advance(Duration.ofMinutes(1));
      retries.run();
      assertThat(event(profile, reply.text("eventId")).get("reason").getStringValue())
          .contains("HTTP 502");
    } finally {
      odoo.down = false;
    }
    retries.run();
    assertThat(event(profile, reply.text("eventId")).get("status").getStringValue())
        .as("the second retry is due two minutes after the first")
        .isEqualTo("received");
    clock.advance(Duration.ofMinutes(2));
    retries.run();

    JsonNode event = event(profile, reply.text("eventId"));
    assertThat(event.get("status").getStringValue()).isEqualTo("submitted");
    assertThat(content(event.get("jobIds").get(0).getStringValue(), 1))
        .contains("Tomato soup (TS-1)")
        .contains("^FDLot ^FS");
  }

  private Created create(String apiKey) {
    return createProfile(settings("\"" + apiKey + "\""));
  }

  /** The profile's settings, the API key given as JSON: a string, or null. */
  private String settings(String apiKeyJson) {
    return """
        {"name": "MO boxes from Odoo", "printer": {"printerId": "line-1"},
         "template": "%s",
         "fields": {"product": "product_id.name", "code": "product_id.default_code",
                    "lot": "lot_producing_id", "n": "@n", "total": "@total"},
         "quantity": {"field": "product_qty", "rounding": "up"}, "reference": "name",
         "odoo": {"url": "%s", "database": "%s", "user": "%s", "apiKey": %s}}
        """
        .formatted(TEMPLATE, odoo.url(), FakeOdoo.DATABASE, FakeOdoo.USER, apiKeyJson);
  }
}
