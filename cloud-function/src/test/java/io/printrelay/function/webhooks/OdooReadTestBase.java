package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.table.ItemKeys;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Profiles that read the record from a fake Odoo over real HTTP: the webhook, the sweep's run that
 * reads Odoo and makes the jobs, and the event as operators then see it. Subclasses start {@link
 * #odoo} and add {@code @MicronautTest}.
 */
abstract class OdooReadTestBase extends ApiTestBase {
  protected FakeOdoo odoo;

  @Inject protected IntakeRetries retries;

  protected record Created(String profileId, String token) {}

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("micronaut.http.client.read-timeout", "60s");
    properties.put(ApiKeySeal.PROPERTY, "test-intake-secret-key-of-32-characters-or-more");
    return properties;
  }

  @AfterAll
  void stopOdoo() {
    if (odoo != null) {
      odoo.close();
    }
  }

  /** Creates the profile; its Odoo API key is never answered. */
  protected Created createProfile(String profileJson) {
    Reply reply = api.act("/v1/intake/profiles", profileJson);
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    assertThat(reply.body().get("odoo").get("apiKey").isNull()).isTrue();
    return new Created(reply.text("profileId"), reply.text("token"));
  }

  /**
   * Odoo's webhook, answered before any call to Odoo; then the sweep's run that reads the record
   * and makes the jobs. Returns the event as operators see it then.
   */
  protected JsonNode webhookThenSweep(Created profile, long id) {
    int callsBefore = odoo.calls.size();
    Reply reply = webhook(profile.token(), id);
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.text("status")).isEqualTo("received");
    assertThat(odoo.calls).as("no call to Odoo before the answer").hasSize(callsBefore);
    retries.run();
    return event(profile, reply.text("eventId"));
  }

  /** Odoo's webhook with no field selected: the profile reads what it needs. */
  protected Reply webhook(String token, long id) {
    String body =
        "{\"_action\": \"Print MO boxes(#14)\", \"_id\": %d, \"_model\": \"mrp.production\"}"
            .formatted(id);
    return api.send(
        HttpRequest.POST("/v1/intake/odoo/" + token, body).contentType(MediaType.APPLICATION_JSON));
  }

  protected JsonNode event(Created profile, String eventId) {
    Reply events =
        api.send(
            HttpRequest.GET("/v1/intake/profiles/" + profile.profileId() + "/events")
                .bearerAuth(EmbeddedSandbox.OPERATOR_KEY));
    for (JsonNode event : events.body().get("events").values()) {
      if (event.get("eventId").getStringValue().equals(eventId)) {
        return event;
      }
    }
    throw new AssertionError("no event " + eventId);
  }

  /** A label's content as stored. */
  protected String content(String jobId, int index) {
    return sandbox
        .dynamoDb()
        .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.label(jobId, index)))
        .item()
        .get("content")
        .b()
        .asString(StandardCharsets.UTF_8);
  }
}
