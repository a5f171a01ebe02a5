package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each of Odoo 19's JSON-2 answers means for an event: its failures by HTTP status. */
class Json2AnswerTest {
  private static final String URL = "https://example.odoo.com";
  private static final String USER = "printrelay@example.com";

  @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
  @CsvSource({
    "401, werkzeug.exceptions.Unauthorized, refused",
    "403, odoo.exceptions.AccessError, refused",
    "404, werkzeug.exceptions.NotFound, refused",
    "422, werkzeug.exceptions.UnprocessableEntity, refused",
    "400, werkzeug.exceptions.BadRequest, refused",
    "404, , refused",
    "408, , unreachable",
    "429, , unreachable",
    "500, builtins.ValueError, unreachable",
    "502, , unreachable",
    "503, werkzeug.exceptions.ServiceUnavailable, unreachable",
    "302, , unreachable",
    "200, , unreachable",
  })
  void anErrorIsRefusedWhenItWillNotMendAndTriedAgainOtherwise(
      int status, String name, String outcome) {
    OdooHttp.Answer answer = new OdooHttp.Answer(status, name == null ? null : error(name));

    assertThatThrownBy(() -> Json2Wire.result(answer, URL, USER, "mrp.production/read"))
        .isInstanceOf(
            outcome.equals("refused") ? OdooReader.Refused.class : OdooReader.Unreachable.class)
        .hasMessageContaining(name == null ? "HTTP " + status : name + ": the message");
    assertThat(Json2Wire.missing(answer)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"werkzeug.exceptions.Unauthorized", "odoo.exceptions.AccessDenied"})
  void aRefusedKeyNamesItsUser(String name) {
    OdooHttp.Answer answer = new OdooHttp.Answer(401, error(name));

    assertThatThrownBy(() -> Json2Wire.result(answer, URL, USER, "mrp.production/read"))
        .isInstanceOf(OdooReader.Refused.class)
        .hasMessageContaining("the API key of " + USER);
  }

  @Test
  void aMissingErrorIsARecordGoneNotARefusal() {
    assertThat(Json2Wire.missing(new OdooHttp.Answer(404, error(Json2Wire.MISSING_ERROR))))
        .isTrue();
  }

  @Test
  void aSuccessIsTheMethodsReturnValueAsItIs() throws Exception {
    JsonNode body = JsonNode.createArrayNode(List.of());

    assertThat(Json2Wire.result(new OdooHttp.Answer(200, body), URL, USER, "x/read"))
        .isSameAs(body);
  }

  /** Odoo's error object, as its JSON-2 dispatcher serializes an exception. */
  private static JsonNode error(String name) {
    return JsonNode.createObjectNode(
        Map.of(
            "name", JsonNode.createStringNode(name),
            "message", JsonNode.createStringNode("the message"),
            "arguments",
                JsonNode.createArrayNode(List.of(JsonNode.createStringNode("the message"))),
            "context", JsonNode.createObjectNode(Map.of()),
            "debug", JsonNode.createStringNode("Traceback (most recent call last):\n...")));
  }
}
