package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As on Lambda, where {@code printrelay.outbound.allow-private-addresses} is not set: a profile
 * whose Odoo is on a loopback address is never called, and its events fail saying why.
 */
@MicronautTest
class PrivateAddressHttpTest extends ApiTestBase {
  private FakeOdoo odoo;

  @Inject IntakeRetries retries;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("printrelay.outbound.allow-private-addresses", "false");
    properties.put(ApiKeySeal.PROPERTY, "test-intake-secret-key-of-32-characters-or-more");
    return properties;
  }

  @BeforeAll
  void odoo() throws IOException {
    sandbox.registerPrinter("line-1");
    odoo = new FakeOdoo(json);
    odoo.put("mrp.production", 17, Map.of("name", "WH/MO/00017"));
  }

  @AfterAll
  void stopOdoo() {
    odoo.close();
  }

  @Test
  void anOdooOnALoopbackAddressIsNeverCalled() {
    Reply created =
        api.act(
            "/v1/intake/profiles",
            """
            {"name": "Odoo on this machine", "printer": {"printerId": "line-1"},
             "template": "^XA^FO30,30^FD{{mo}}^FS^XZ", "fields": {"mo": "name"},
             "quantity": {"fixed": 1},
             "odoo": {"url": "%s", "database": "%s", "user": "%s", "apiKey": "the-key"}}
            """
                .formatted(odoo.url(), FakeOdoo.DATABASE, FakeOdoo.USER));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    Reply webhook =
        api.send(
            HttpRequest.POST(
                    "/v1/intake/odoo/" + created.text("token"),
                    "{\"_action\": \"Print(#1)\", \"_id\": 17, \"_model\": \"mrp.production\"}")
                .contentType(MediaType.APPLICATION_JSON));
    assertThat(webhook.status()).isEqualTo(202);

    retries.run();

    JsonNode event =
        api.send(
                HttpRequest.GET("/v1/intake/profiles/" + created.text("profileId") + "/events")
                    .bearerAuth(EmbeddedSandbox.OPERATOR_KEY))
            .body()
            .get("events")
            .get(0);
    assertThat(event.get("status").getStringValue()).isEqualTo("failed");
    assertThat(event.get("reason").getStringValue())
        .contains("odoo.url")
        .contains("127.0.0.1")
        .contains("public addresses only");
    assertThat(odoo.calls).isEmpty();
  }
}
