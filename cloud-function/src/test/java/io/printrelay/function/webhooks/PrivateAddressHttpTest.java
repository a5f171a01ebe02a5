package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As on Lambda, where {@code printrelay.outbound.allow-private-addresses} is not set: a profile
 * whose Odoo is on a loopback address is never called, and its events fail saying why.
 */
@MicronautTest
class PrivateAddressHttpTest extends OdooReadTestBase {
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("printrelay.outbound.allow-private-addresses", "false");
    return properties;
  }

  @BeforeAll
  void odoo() throws IOException {
    sandbox.registerPrinter("line-1");
    odoo = new FakeOdoo(json);
    odoo.put("mrp.production", 17, Map.of("name", "WH/MO/00017"));
  }

  @Test
  void anOdooOnALoopbackAddressIsNeverCalled() {
    Created profile =
        createProfile(
            """
            {"name": "Odoo on this machine", "printer": {"printerId": "line-1"},
             "template": "^XA^FO30,30^FD{{mo}}^FS^XZ", "fields": {"mo": "name"},
             "quantity": {"fixed": 1},
             "odoo": {"url": "%s", "database": "%s", "user": "%s", "apiKey": "the-key"}}
            """
                .formatted(odoo.url(), FakeOdoo.DATABASE, FakeOdoo.USER));

    JsonNode event = webhookThenSweep(profile, 17);

    assertThat(event.get("status").getStringValue()).isEqualTo("failed");
    assertThat(event.get("reason").getStringValue())
        .contains("odoo.url")
        .contains("127.0.0.1")
        .contains("public addresses only");
    assertThat(odoo.calls).isEmpty();
  }
}
