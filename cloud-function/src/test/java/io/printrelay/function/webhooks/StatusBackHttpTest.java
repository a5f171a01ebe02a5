package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.SettableClock;
import io.printrelay.table.IntakeItems;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A profile's status URL (an Odoo "On webhook" rule) hears how the event's jobs fare. */
@MicronautTest
class StatusBackHttpTest extends ApiTestBase {
  private final SettableClock clock = new SettableClock(Instant.now());
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger refusals = new AtomicInteger();
  private HttpServer odoo;

  @Inject StatusBack statusBack;

  @MockBean(Clock.class)
  Clock clock() {
    return clock;
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("micronaut.http.client.read-timeout", "60s");
    return properties;
  }

  @BeforeAll
  void start() throws IOException {
    sandbox.registerPrinter("line-1");
    odoo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    odoo.createContext(
        "/web/hook/3f6b",
        exchange -> {
          try (exchange) {
            received.add(json.readValue(exchange.getRequestBody().readAllBytes(), JsonNode.class));
            boolean refuse = refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            exchange.sendResponseHeaders(refuse ? 500 : 200, -1);
          }
        });
    odoo.start();
  }

  @AfterAll
  void stop() {
    odoo.stop(0);
  }

  @Test
  void aCancelledJobIsReportedUntilOdooTakesItThenNoMore() {
    String statusUrl = "http://127.0.0.1:" + odoo.getAddress().getPort() + "/web/hook/3f6b";
    Reply profile =
        api.act(
            "/v1/intake/profiles",
            """
            {"name": "MO with status", "printer": {"printerId": "line-1"},
             "template": "^XA^FO30,30^FD{{mo}}^FS^XZ", "fields": {"mo": "name"},
             "quantity": {"fixed": 2}, "statusUrl": "%s"}
            """
                .formatted(statusUrl));
    assertThat(profile.status()).as(String.valueOf(profile.body())).isEqualTo(201);
    Reply event =
        api.send(
            HttpRequest.POST(
                    profile.text("intakePath"),
                    OdooIntakeHttpTest.manufacturingOrder(17, "2.0", 31))
                .contentType(MediaType.APPLICATION_JSON));
    String jobId = event.body().get("jobIds").get(0).getStringValue();

    statusBack.run();
    assertThat(received).as("a queued job is not reported").isEmpty();

    assertThat(api.act("/v1/jobs/" + jobId + "/cancel").status()).isEqualTo(200);
    refusals.set(1);
    statusBack.run();
    statusBack.run();
    assertThat(received).as("refused once, not due again yet").hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    statusBack.run();
    statusBack.run();

    assertThat(received).hasSize(2);
    JsonNode report = received.get(1);
    assertThat(report.get("_model").getStringValue()).isEqualTo("mrp.production");
    assertThat(report.get("_id").getLongValue()).isEqualTo(17);
    assertThat(report.get("jobId").getStringValue()).isEqualTo(jobId);
    assertThat(report.get("status").getStringValue()).isEqualTo("cancelled");
    assertThat(report.get("printed").getIntValue()).isZero();
    assertThat(report.get("total").getIntValue()).isEqualTo(2);
    assertThat(report.get("failed").getIntValue()).isZero();
    assertThat(report.get("url").getStringValue())
        .startsWith("http://")
        .endsWith("/v1/jobs/" + jobId);
    assertThat(sandbox.countItems(IntakeItems.TYPE_INTAKE_WATCH)).isZero();
  }
}
