package io.printrelay.function.jobs;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static io.printrelay.function.testing.Requests.withLabels;
import static io.printrelay.function.testing.Requests.zplDocument;
import static io.printrelay.function.testing.Requests.zplLabels;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.Requests;
import io.printrelay.table.JobTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad submit (docs/api.md#submit): its status, a problem body, and nothing stored or sent. */
@MicronautTest
class RejectedSubmitHttpTest extends ApiTestBase {
  private static final String BIG_ZPL = "^XA^FD" + "x".repeat(66_000) + "^FS^XZ";

  @BeforeAll
  void registerPrinter() {
    sandbox.registerPrinter("line-1");
  }

  @AfterEach
  void nothingWasStoredOrSent() {
    assertThat(sandbox.countItems(JobTable.TYPE_JOB)).isZero();
    assertThat(sandbox.countItems(JobTable.TYPE_LABEL)).isZero();
    assertThat(sandbox.countItems(JobTable.TYPE_IDEMPOTENCY)).isZero();
    assertThat(sandbox.messagesWaiting()).isZero();
  }

  static Stream<Arguments> invalidBodies() {
    String data = "{\"data\":{\"product\":\"Soup\",\"n\":1,\"total\":1}}";
    String template = "\"template\":\"" + Requests.TEMPLATE + "\"";
    return Stream.of(
        rejected("an empty body", "", 400),
        rejected("malformed JSON", "{\"printerId\":", 400),
        rejected("a JSON array", "[]", 400),
        rejected("JSON null", "null", 400),
        rejected("a JSON string", "\"job\"", 400),
        rejected("a JSON number", "42", 400),
        rejected("no printerId", "{\"labels\":[{\"zpl\":\"^XA^XZ\"}]}", 422, "printerId"),
        rejected("a printerId with a space", zplLabels("line 1", 1), 422, "printerId"),
        rejected("an unregistered printer", zplLabels("line-9", 1), 422, "printerId"),
        rejected(
            "an unknown priority",
            "{\"printerId\":\"line-1\",\"priority\":\"urgent\",\"labels\":[{\"zpl\":\"^XA^XZ\"}]}",
            422,
            "priority"),
        rejected(
            "a reference over 128 characters",
            "{\"printerId\":\"line-1\",\"reference\":\""
                + "r".repeat(129)
                + "\",\"labels\":[{\"zpl\":\"^XA^XZ\"}]}",
            422,
            "reference"),
        rejected("neither labels nor zplDocument", "{\"printerId\":\"line-1\"}", 422, "labels"),
        rejected(
            "both labels and zplDocument",
            "{\"printerId\":\"line-1\",\"labels\":"
                + "[{\"zpl\":\"^XA^XZ\"}],\"zplDocument\":\"^XA^XZ\"}",
            422,
            "zplDocument"),
        rejected("no labels", withLabels("line-1", "[]"), 422, "labels"),
        rejected("501 labels", zplLabels("line-1", 501), 422, "labels"),
        rejected(
            "a label with zpl and raw",
            withLabels("line-1", "[{\"zpl\":\"^XA^XZ\",\"raw\":\"AA==\"}]"),
            422,
            "labels[0]"),
        rejected("a label that is not an object", withLabels("line-1", "[42]"), 422, "labels[0]"),
        rejected(
            "data labels without a template",
            withLabels("line-1", "[" + data + "]"),
            422,
            "template"),
        rejected(
            "data missing a placeholder's value",
            "{\"printerId\":\"line-1\","
                + template
                + ",\"labels\":["
                + data
                + ",{\"data\":{\"n\":2,\"total\":2}}]}",
            422,
            "labels[1].data"),
        rejected(
            "a data value that is an object",
            "{\"printerId\":\"line-1\","
                + template
                + ",\"labels\":[{\"data\":{\"product\":{},\"n\":1,\"total\":1}}]}",
            422,
            "labels[0].data.product"),
        rejected(
            "a data value beyond any number",
            "{\"printerId\":\"line-1\","
                + template
                + ",\"labels\":[{\"data\":{\"product\":\"Soup\",\"n\":1e400,\"total\":-1e400}}]}",
            422,
            "labels[0].data.n",
            "labels[0].data.total"),
        rejected(
            "a placeholder outside field data",
            "{\"printerId\":\"line-1\",\"template\":"
                + "\"^XA^FO{{x}},30^FDa^FS^XZ\",\"labels\":[{\"data\":{\"x\":1}}]}",
            422,
            "template"),
        rejected(
            "zpl that is not one whole format",
            withLabels("line-1", "[{\"zpl\":\"^XA^FDa^FS^XZ^XA^FDb^FS^XZ\"}]"),
            422,
            "labels[0].zpl"),
        rejected(
            "raw that is not base64",
            withLabels("line-1", "[{\"raw\":\"not base64!\"}]"),
            422,
            "labels[0].raw"),
        rejected(
            "a label over 64 KiB",
            withLabels("line-1", "[{\"zpl\":\"^XA^XZ\"},{\"zpl\":\"" + BIG_ZPL + "\"}]"),
            422,
            "labels[1]"),
        rejected(
            "a zplDocument without formats", zplDocument("line-1", "hello"), 422, "zplDocument"),
        rejected(
            "an unterminated zplDocument",
            zplDocument("line-1", "^XA^FDa^FS^XZ^XA^FDb"),
            422,
            "zplDocument"),
        rejected(
            "a zplDocument of 501 formats",
            zplDocument("line-1", "^XA^FDa^FS^XZ".repeat(501)),
            422,
            "zplDocument"),
        rejected(
            "a zpl label asking the printer for its status",
            withLabels("line-1", "[{\"zpl\":\"^XA^FDa^FS^XZ\"},{\"zpl\":\"^XA~HS^FDb^FS^XZ\"}]"),
            422,
            "labels[1].zpl"),
        rejected(
            "a zplDocument format asking for the configuration",
            zplDocument("line-1", "^XA^FDa^FS^XZ^XA^HH^FDb^FS^XZ"),
            422,
            "zplDocument"),
        rejected(
            "a template asking for a host query",
            "{\"printerId\":\"line-1\",\"template\":\"^XA~HQES^FD{{x}}^FS^XZ\","
                + "\"labels\":[{\"data\":{\"x\":1}}]}",
            422,
            "template"),
        rejected(
            "a host command hidden in field data",
            withLabels("line-1", "[{\"zpl\":\"^XA^FDHSBC ~hs^FS^XZ\"}]"),
            422,
            "labels[0].zpl"),
        rejected(
            "a prefix change",
            withLabels("line-1", "[{\"zpl\":\"^XA^CC+^FDa^FS^XZ\"}]"),
            422,
            "labels[0].zpl"),
        rejected(
            "settings saved by a key without printer-config",
            withLabels("line-1", "[{\"zpl\":\"^XA^JUS^XZ\"}]"),
            422,
            "labels[0].zpl"),
        rejected(
            "a network change by a key without printer-config",
            zplDocument("line-1", "^XA^NS,10.0.0.9^XZ"),
            422,
            "zplDocument"),
        rejected(
            "a raw label by a key without raw",
            withLabels("line-1", "[{\"raw\":\"XlhBXkZEYV5GU15YWg==\"}]"),
            422,
            "labels[0].raw"),
        rejected(
            "several invalid fields at once",
            "{\"printerId\":\"\",\"priority\":\"asap\"," + "\"labels\":[{\"raw\":\"%%\"},{}]}",
            422,
            "printerId",
            "priority",
            "labels[0].raw",
            "labels[1]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void rejectsInvalidBodyWithProblemNamingEveryField(
      String what, String body, int status, List<String> fields) {
    Reply reply = api.submit(body);

    assertProblem(reply, status);
    if (status == 422) {
      List<String> named = new ArrayList<>();
      reply.body().get("errors").values().forEach(e -> named.add(e.get("field").getStringValue()));
      assertThat(named).containsExactlyInAnyOrderElementsOf(fields);
    } else {
      assertThat(reply.body().get("errors")).isNull();
    }
  }

  @Test
  void missingTemplateValueNamesTheLabelAndThePlaceholder() {
    Reply reply =
        api.submit(
            "{\"printerId\":\"line-1\",\"template\":\""
                + Requests.TEMPLATE
                + "\",\"labels\":[{\"data\":{\"n\":1,\"total\":1}}]}");

    JsonNode error = reply.body().get("errors").get(0);
    assertThat(error.get("field").getStringValue()).isEqualTo("labels[0].data");
    assertThat(error.get("message").getStringValue())
        .isEqualTo("label 1: missing value for {{product}}");
  }

  @Test
  void aHostCommandIsNamedWithItsLabel() {
    Reply reply =
        api.submit(withLabels("line-1", "[{\"zpl\":\"^XA^FDa^FS^XZ\"},{\"zpl\":\"^XA~HS^XZ\"}]"));

    JsonNode error = reply.body().get("errors").get(0);
    assertThat(error.get("field").getStringValue()).isEqualTo("labels[1].zpl");
    assertThat(error.get("message").getStringValue()).startsWith("label 2: ").contains("~HS");
  }

  @Test
  void aConfigurationCommandInADocumentIsNamedWithItsFormatAndTheCapability() {
    Reply reply = api.submit(zplDocument("line-1", "^XA^FDa^FS^XZ^XA~JA^XZ"));

    JsonNode error = reply.body().get("errors").get(0);
    assertThat(error.get("field").getStringValue()).isEqualTo("zplDocument");
    assertThat(error.get("message").getStringValue()).contains("format 2", "~JA", "printer-config");
  }

  @Test
  void rejectsAnIdempotencyKeyOver128Characters() {
    Reply reply =
        api.send(
            ApiClient.withKey(
                HttpRequest.POST("/v1/jobs", zplLabels("line-1", 1))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "k".repeat(129))));

    assertProblem(reply, 422);
    assertThat(reply.body().get("errors").get(0).get("field").getStringValue())
        .isEqualTo("Idempotency-Key");
  }

  @Test
  void rejectsABodyOver5MiBWith413() {
    String padding = " ".repeat(5 * 1024 * 1024);
    Reply reply = api.submit(zplLabels("line-1", 1) + padding);

    assertProblem(reply, 413);
  }

  @Test
  void rejectsABodyThatIsNotJsonWith415() {
    Reply reply =
        api.send(
            ApiClient.withKey(
                HttpRequest.POST("/v1/jobs", zplLabels("line-1", 1))
                    .contentType(MediaType.TEXT_PLAIN)));

    assertProblem(reply, 415);
  }

  @Test
  void rejectsARequestWithoutKeyWith401AndABearerChallenge() {
    Reply reply =
        api.send(
            HttpRequest.POST("/v1/jobs", zplLabels("line-1", 1))
                .contentType(MediaType.APPLICATION_JSON));

    assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"printrelay\"");
  }

  @Test
  void rejectsAnUnknownKeyWith401InvalidToken() {
    Reply reply =
        api.send(
            HttpRequest.POST("/v1/jobs", zplLabels("line-1", 1))
                .contentType(MediaType.APPLICATION_JSON)
                .bearerAuth("not-a-key"));

    assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
  }

  @Test
  void rejectsAViewerKeySubmittingWith403() {
    Reply reply =
        api.send(
            HttpRequest.POST("/v1/jobs", zplLabels("line-1", 1))
                .contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(EmbeddedSandbox.VIEWER_KEY));

    assertProblem(reply, 403);
  }

  private static Arguments rejected(String what, String body, int status, String... fields) {
    return Arguments.of(what, body, status, List.of(fields));
  }
}
