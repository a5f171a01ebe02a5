package io.printrelay.function.webhooks;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.logging.RequestLog;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.LoggedLines;
import io.printrelay.model.Job;
import io.printrelay.table.IntakeItems;
import io.printrelay.table.ItemKeys;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Odoo's "Send Webhook Notification", exactly as Odoo 17+ sends it (json.dumps with sorted keys,
 * relations as bare ids, dates as naive UTC text), through an intake profile into jobs.
 */
@MicronautTest
class OdooIntakeHttpTest extends ApiTestBase {
  @Inject IntakeRetries retries;

  private static final String TEMPLATE =
      "^XA^CI28^FO30,30^A0N,40^FDProduct {{product}}^FS^FO30,90^A0N,30^FDLot {{lot}} {{done}}^FS"
          + "^FO30,130^A0N,30^FDBox {{n}} of {{total}}^FS^XZ";

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    // The first call starts the table's and the submit's code cold; a loaded machine took over 10
    // s.
    properties.put("micronaut.http.client.read-timeout", "60s");
    return properties;
  }

  @BeforeAll
  void printers() {
    sandbox.registerPrinter("line-1");
    sandbox.registerPrinter("line-2");
  }

  @Test
  void odoosWebhookPrintsOneLabelPerUnitWithTheRecordsFields() {
    Created profile =
        create(
            profile(
                "\"printerId\": \"line-1\"", "\"field\": \"product_qty\", \"rounding\": \"up\""));

    Reply reply = webhook(profile.token(), manufacturingOrder(17, "2.4", 31));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.text("status")).isEqualTo("submitted");
    assertThat(reply.text("model")).isEqualTo("mrp.production");
    assertThat(reply.text("recordId")).isEqualTo("17");
    assertThat(reply.text("action")).isEqualTo("Print MO labels(#12)");
    assertThat(reply.body().get("duplicate").getBooleanValue()).isFalse();
    List<String> jobIds = jobIds(reply);
    assertThat(jobIds).hasSize(1);
    Job job = sandbox.job(jobIds.get(0));
    assertThat(job.printerId()).isEqualTo("line-1");
    assertThat(job.reference()).isEqualTo("WH/MO/00017");
    assertThat(job.total()).isEqualTo(3);
    assertThat(content(job.jobId(), 1))
        .contains("^FDProduct 31^FS")
        .contains("Lot 8 2025-03-14 09:30:00")
        .contains("Box 1 of 3");
    assertThat(content(job.jobId(), 3)).contains("Box 3 of 3");
  }

  @Test
  void theSameEventTwicePrintsOnceAndTheRecordChangedPrintsAgain() {
    Created profile = create(profile("\"printerId\": \"line-1\"", "\"fixed\": 2"));

    Reply first = webhook(profile.token(), manufacturingOrder(40, "2.0", 31));
    Reply again = webhook(profile.token(), manufacturingOrder(40, "2.0", 31));
    Reply changed = webhook(profile.token(), manufacturingOrder(40, "2.0", 32));

    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().get("duplicate").getBooleanValue()).isTrue();
    assertThat(again.text("eventId")).isEqualTo(first.text("eventId"));
    assertThat(jobIds(again)).isEqualTo(jobIds(first));
    assertThat(changed.body().get("duplicate").getBooleanValue()).isFalse();
    assertThat(jobIds(changed)).hasSize(1).doesNotContainAnyElementsOf(jobIds(first));
    assertThat(content(jobIds(changed).get(0), 1)).contains("Product 32");
    Reply listed = operatorGet("/v1/intake/profiles/" + profile.profileId() + "/events");
    assertThat(listed.body().get("events").size()).isEqualTo(2);
  }

  @Test
  void anUnknownTokenIsABare404() {
    Reply unknown = webhook("A".repeat(43), manufacturingOrder(1, "1.0", 31));
    Reply malformed = webhook("not-a-token", manufacturingOrder(1, "1.0", 31));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isNull();
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.body()).isNull();
  }

  @Test
  void aQuantityAbove500IsSplitIntoJobsInOrder() {
    Created profile =
        create(
            profile(
                "\"printerId\": \"line-2\"", "\"field\": \"product_qty\", \"rounding\": \"down\""));

    Reply reply = webhook(profile.token(), manufacturingOrder(55, "1001.9", 31));

    assertThat(reply.text("status")).isEqualTo("submitted");
    List<String> jobIds = jobIds(reply);
    assertThat(jobIds).hasSize(3);
    List<Job> jobs = jobIds.stream().map(sandbox::job).toList();
    assertThat(jobs).extracting(Job::total).containsExactly(500, 500, 1);
    assertThat(jobs)
        .extracting(Job::reference)
        .containsExactly("WH/MO/00055 (1/3)", "WH/MO/00055 (2/3)", "WH/MO/00055 (3/3)");
    assertThat(jobs.get(0).createdAt()).isBeforeOrEqualTo(jobs.get(1).createdAt());
    assertThat(jobs.get(1).createdAt()).isBeforeOrEqualTo(jobs.get(2).createdAt());
    assertThat(content(jobs.get(1).jobId(), 1)).contains("Box 501 of 1001");
    assertThat(content(jobs.get(2).jobId(), 1)).contains("Box 1001 of 1001");
  }

  @Test
  void aFieldTheRuleDidNotSelectFailsTheEventAndOperatorsSeeWhy() {
    Created profile = create(profile("\"printerId\": \"line-1\"", "\"fixed\": 1"));
    String withoutLot =
        """
        {"_action": "Print MO labels(#12)", "_id": 60, "_model": "mrp.production",
         "date_finished": "2025-03-14 09:30:00", "id": 60, "name": "WH/MO/00060",
         "product_id": 31, "product_qty": 1.0}
        """;

    Reply reply = webhook(profile.token(), withoutLot);

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.text("status")).isEqualTo("failed");
    assertThat(reply.text("reason"))
        .contains("field lot_producing_id is not in the webhook's body");
    assertThat(jobIds(reply)).isEmpty();
    Reply events = operatorGet("/v1/intake/profiles/" + profile.profileId() + "/events");
    JsonNode event = events.body().get("events").get(0);
    assertThat(event.get("status").getStringValue()).isEqualTo("failed");
    assertThat(event.get("reason").getStringValue()).contains("lot_producing_id");
    assertThat(event.get("recordId").getLongValue()).isEqualTo(60);
  }

  @Test
  void aProfileForOneModelRefusesAWebhookForAnother() {
    String body = profile("\"printerId\": \"line-1\"", "\"fixed\": 1");
    Created profile =
        create(
            body.replace(
                "\"name\": \"MO labels\",",
                "\"name\": \"MO labels\", \"model\": \"mrp.production\","));
    Reply badModel =
        operatorPost(
            "/v1/intake/profiles",
            body.replace(
                "\"name\": \"MO labels\",",
                "\"name\": \"MO labels\", \"model\": \"MRP Production\","));

    Reply forAnother =
        webhook(
            profile.token(),
            manufacturingOrder(61, "1.0", 31).replace("mrp.production", "stock.lot"));
    Reply forItsOwn = webhook(profile.token(), manufacturingOrder(62, "1.0", 31));

    assertThat(operatorGet("/v1/intake/profiles/" + profile.profileId()).text("model"))
        .isEqualTo("mrp.production");
    assertThat(forAnother.status()).isEqualTo(202);
    assertThat(forAnother.text("status")).isEqualTo("failed");
    assertThat(forAnother.text("reason"))
        .contains("the profile prints mrp.production records, the webhook named stock.lot");
    assertThat(jobIds(forAnother)).isEmpty();
    assertThat(forItsOwn.text("status")).isEqualTo("submitted");
    assertProblem(badModel, 422);
    assertThat(badModel.body().get("errors").get(0).get("field").getStringValue())
        .isEqualTo("model");
  }

  @Test
  void aPrinterNotRegisteredFailsTheEventUntilTheRecordIsSentAgainAfterTheFix() {
    Created profile = create(profile("\"printerId\": \"line-9\"", "\"fixed\": 1"));

    Reply reply = webhook(profile.token(), manufacturingOrder(61, "1.0", 31));
    sandbox.registerPrinter("line-9");
    Reply again = webhook(profile.token(), manufacturingOrder(61, "1.0", 31));
    Reply third = webhook(profile.token(), manufacturingOrder(61, "1.0", 31));

    assertThat(reply.text("status")).isEqualTo("failed");
    assertThat(reply.text("reason")).contains("printerId").contains("line-9");
    assertThat(again.text("eventId")).isEqualTo(reply.text("eventId"));
    assertThat(again.text("status")).isEqualTo("submitted");
    assertThat(again.text("reason")).isNull();
    assertThat(jobIds(again)).hasSize(1);
    assertThat(jobIds(third)).isEqualTo(jobIds(again));
  }

  @Test
  void aRelationPicksThePrinterThroughTheProfilesMap() {
    Created profile =
        create(
            profile(
                "\"field\": \"workcenter_id\", \"map\": {\"3\": \"line-1\", \"4\": \"line-2\"}",
                "\"fixed\": 1"));
    String onWorkcenter4 =
        manufacturingOrder(70, "1.0", 31)
            .replace("\"id\": 70,", "\"id\": 70, \"workcenter_id\": 4,");
    String onWorkcenter5 =
        manufacturingOrder(71, "1.0", 31)
            .replace("\"id\": 71,", "\"id\": 71, \"workcenter_id\": 5,");

    Reply mapped = webhook(profile.token(), onWorkcenter4);
    Reply unmapped = webhook(profile.token(), onWorkcenter5);

    assertThat(sandbox.job(jobIds(mapped).get(0)).printerId()).isEqualTo("line-2");
    assertThat(unmapped.text("status")).isEqualTo("failed");
    assertThat(unmapped.text("reason")).contains("workcenter_id is 5");
  }

  @Test
  void aRotatedTokenEndsTheOldOne() {
    Created profile = create(profile("\"printerId\": \"line-1\"", "\"fixed\": 1"));

    Reply rotated = operatorPost("/v1/intake/profiles/" + profile.profileId() + "/rotate-token");

    String newToken = rotated.text("token");
    assertThat(newToken).isNotEqualTo(profile.token());
    assertThat(rotated.text("intakePath")).isEqualTo("/v1/intake/odoo/" + newToken);
    assertThat(webhook(profile.token(), manufacturingOrder(80, "1.0", 31)).status()).isEqualTo(404);
    assertThat(webhook(newToken, manufacturingOrder(80, "1.0", 31)).status()).isEqualTo(202);
    assertThat(operatorGet("/v1/intake/profiles/" + profile.profileId()).text("token")).isNull();
  }

  @Test
  void profilesAreAnOperatorsToManageAndCheckedWhole() {
    String body = profile("\"printerId\": \"line-1\"", "\"fixed\": 1");
    Reply asIntegration =
        api.send(
            HttpRequest.POST("/v1/intake/profiles", body)
                .contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(EmbeddedSandbox.INTEGRATION_KEY));
    Reply invalid =
        operatorPost(
            "/v1/intake/profiles",
            """
            {"name": "", "printer": {"printerId": "line 1"}, "template": "^XA^FD{{a}}^FS^XZ",
             "fields": {}, "quantity": {"field": "product_qty", "rounding": "sideways"}}
            """);

    Reply askingThePrinter =
        operatorPost("/v1/intake/profiles", body.replace("^XA^CI28", "^XA~HS^CI28"));

    assertThat(asIntegration.status()).isEqualTo(403);
    assertProblem(invalid, 422);
    assertThat(invalid.body().get("errors").size()).isEqualTo(4);
    assertProblem(askingThePrinter, 422);
    assertThat(askingThePrinter.body().get("errors").get(0).get("field").getStringValue())
        .isEqualTo("template");
    assertThat(askingThePrinter.body().get("errors").get(0).get("message").getStringValue())
        .contains("~HS");
  }

  @Test
  void aDeletedProfilesTokenIsUnknown() {
    Created profile = create(profile("\"printerId\": \"line-1\"", "\"fixed\": 1"));

    Reply deleted =
        api.send(
            HttpRequest.DELETE("/v1/intake/profiles/" + profile.profileId())
                .bearerAuth(EmbeddedSandbox.OPERATOR_KEY));

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(webhook(profile.token(), manufacturingOrder(90, "1.0", 31)).status()).isEqualTo(404);
    assertThat(operatorGet("/v1/intake/profiles/" + profile.profileId()).status()).isEqualTo(404);
  }

  @Test
  void aProfileNoWebhookReachedYetListsNoEventsAsAnEmptyList() {
    Created profile = create(profile("\"printerId\": \"line-1\"", "\"fixed\": 1"));

    Reply events = operatorGet("/v1/intake/profiles/" + profile.profileId() + "/events");

    assertThat(events.status()).isEqualTo(200);
    assertThat(events.body().get("events").isArray()).isTrue();
    assertThat(events.body().get("events").size()).isZero();
  }

  @Test
  void anEventRecordedButNotMadeIntoJobsIsMadeByTheSweepOnce() {
    Created profile = create(profile("\"printerId\": \"line-1\"", "\"fixed\": 2"));
    // As a webhook call that crashed after recording its event would leave it.
    Instant receivedAt = Instant.now().minusSeconds(300);
    String body = manufacturingOrder(95, "2.0", 31);
    IntakeItems.Event event =
        new IntakeItems.Event(
            profile.profileId(),
            IntakeItems.eventKey(receivedAt, "e95"),
            "e95",
            "mrp.production",
            95,
            null,
            body,
            "received",
            null,
            List.of(),
            receivedAt,
            receivedAt);
    sandbox
        .dynamoDb()
        .transactWriteItems(
            b ->
                b.transactItems(
                    IntakeItems.record(
                        sandbox.table(),
                        event,
                        "f95",
                        receivedAt.plusSeconds(120),
                        receivedAt.plusSeconds(86_400))));

    retries.run();
    retries.run();

    JsonNode listed =
        operatorGet("/v1/intake/profiles/" + profile.profileId() + "/events")
            .body()
            .get("events")
            .get(0);
    assertThat(listed.get("status").getStringValue()).isEqualTo("submitted");
    assertThat(listed.get("jobIds").size()).isEqualTo(1);
    assertThat(sandbox.job(listed.get("jobIds").get(0).getStringValue()).total()).isEqualTo(2);
    assertThat(sandbox.countItems(IntakeItems.TYPE_INTAKE_PENDING)).isZero();
  }

  /** What Odoo sends for mrp.production with name, product, quantity, lot and finish selected. */
  static String manufacturingOrder(long id, String quantity, int productId) {
    return """
        {"_action": "Print MO labels(#12)", "_id": %d, "_model": "mrp.production", \
        "date_finished": "2025-03-14 09:30:00", "id": %d, "lot_producing_id": 8, \
        "name": "WH/MO/%05d", "product_id": %d, "product_qty": %s}"""
        .formatted(id, id, id, productId, quantity);
  }

  @Test
  void theIntakesTokenReachesNoLogLineEvenWhenItsEventBecomesAJob() {
    Created profile =
        create(
            profile(
                "\"printerId\": \"line-1\"", "\"field\": \"product_qty\", \"rounding\": \"up\""));

    try (LoggedLines lines = LoggedLines.record()) {
      assertThat(webhook(profile.token(), manufacturingOrder(23, "1", 31)).status()).isEqualTo(202);

      assertThat(lines.of(RequestLog.class.getName()))
          .singleElement()
          .satisfies(
              line -> assertThat(line.message()).startsWith("POST /v1/intake/odoo/{token} 202 "));
      assertThat(lines.all())
          .noneMatch(line -> line.message().contains(profile.token()))
          .noneMatch(line -> line.mdc().containsValue(profile.token()));
    }
  }

  private static String profile(String printer, String quantity) {
    return """
        {"name": "MO labels", "printer": {%s},
         "template": "%s",
         "fields": {"product": "product_id", "lot": "lot_producing_id", "done": "date_finished",
                    "n": "@n", "total": "@total"},
         "quantity": {%s}, "reference": "name"}
        """
        .formatted(printer, TEMPLATE, quantity);
  }

  private record Created(String profileId, String token) {}

  private Created create(String body) {
    Reply reply = operatorPost("/v1/intake/profiles", body);
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    assertThat(reply.text("intakePath")).isEqualTo("/v1/intake/odoo/" + reply.text("token"));
    return new Created(reply.text("profileId"), reply.text("token"));
  }

  private Reply webhook(String token, String body) {
    return api.send(
        HttpRequest.POST("/v1/intake/odoo/" + token, body).contentType(MediaType.APPLICATION_JSON));
  }

  private Reply operatorGet(String path) {
    return api.send(HttpRequest.GET(path).bearerAuth(EmbeddedSandbox.OPERATOR_KEY));
  }

  private Reply operatorPost(String path) {
    return api.act(path);
  }

  private Reply operatorPost(String path, String body) {
    return api.act(path, body);
  }

  private static List<String> jobIds(Reply reply) {
    List<String> ids = new ArrayList<>();
    reply.body().get("jobIds").values().forEach(id -> ids.add(id.getStringValue()));
    return ids;
  }

  private String content(String jobId, int index) {
    return sandbox
        .dynamoDb()
        .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.label(jobId, index)))
        .item()
        .get("content")
        .b()
        .asString(StandardCharsets.UTF_8);
  }
}
