package io.printrelay.function.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.problem.MalformedRequest;
import io.printrelay.function.security.Capability;
import io.printrelay.model.Priority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The submit rules one by one; the HTTP tests check the same rules end to end. */
class SubmissionValidatorTest {
  private static final JsonMapper JSON = JsonMapper.createDefault();
  private static final JsonBody BODY = new JsonBody(JSON);
  private static final String ONE_LABEL = "\"labels\":[{\"zpl\":\"^XA^FDa^FS^XZ\"}]";
  // Every capability, so each rule is seen on its own; LabelCommandsTest covers what keys may send.
  private static final Set<Capability> ALL = EnumSet.allOf(Capability.class);
  private final SubmissionValidator validator =
      new SubmissionValidator(label -> BODY.bind(label, SubmitRequest.LabelInput.class));

  @Test
  void acceptsAMinimalJob() {
    JobDraft draft = valid("{\"printerId\":\"line-1\"," + ONE_LABEL + "}");

    assertThat(draft.printerId()).isEqualTo("line-1");
    assertThat(draft.reference()).isNull();
    assertThat(draft.labels()).hasSize(1);
    assertThat(text(draft.labels().get(0))).isEqualTo("^XA^FDa^FS^XZ");
  }

  @ParameterizedTest(name = "{0} labels -> {1}")
  @CsvSource({"1,HIGH", "9,HIGH", "10,NORMAL", "200,NORMAL", "201,LOW", "500,LOW"})
  void priorityDefaultsByLabelCount(int labels, Priority expected) {
    String body =
        "{\"printerId\":\"p\",\"zplDocument\":\"" + "^XA^FDa^FS^XZ".repeat(labels) + "\"}";

    assertThat(valid(body).priority()).isEqualTo(expected);
  }

  @Test
  void anExplicitPriorityWins() {
    assertThat(valid("{\"printerId\":\"p\",\"priority\":\"low\"," + ONE_LABEL + "}").priority())
        .isEqualTo(Priority.LOW);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"line 1\"", "\"ä\"", "42", "null"})
  void printerIdMustBeAShortPlainName(String printerId) {
    assertInvalid("{\"printerId\":" + printerId + "," + ONE_LABEL + "}", "printerId");
  }

  @Test
  void printerIdMayBe64Characters() {
    assertThat(valid("{\"printerId\":\"" + "p".repeat(64) + "\"," + ONE_LABEL + "}").printerId())
        .hasSize(64);
    assertInvalid("{\"printerId\":\"" + "p".repeat(65) + "\"," + ONE_LABEL + "}", "printerId");
  }

  @Test
  void printerMustBeRegistered() {
    InvalidInput invalid =
        catchThrowableOfType(
            InvalidInput.class,
            () ->
                validator.validate(
                    json("{\"printerId\":\"ghost\"," + ONE_LABEL + "}"), null, ALL, id -> false));

    assertThat(invalid.errors())
        .containsExactly(
            new FieldError("printerId", "no printer ghost is registered by any agent"));
  }

  @Test
  void referenceIsAtMost128Characters() {
    assertThat(
            valid(
                    "{\"printerId\":\"p\",\"reference\":\""
                        + "é".repeat(128)
                        + "\","
                        + ONE_LABEL
                        + "}")
                .reference())
        .hasSize(128);
    assertInvalid(
        "{\"printerId\":\"p\",\"reference\":\"" + "r".repeat(129) + "\"," + ONE_LABEL + "}",
        "reference");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "k\u0001", "ключ"})
  void idempotencyKeyIsPrintableAscii(String key) {
    assertInvalid("{\"printerId\":\"p\"," + ONE_LABEL + "}", key, "Idempotency-Key");
  }

  @Test
  void rendersDataLabelsWithStringsNumbersAndBooleans() {
    JobDraft draft =
        valid(
            "{\"printerId\":\"p\",\"template\":\"^XA^FD{{a}} {{b}} {{c}} {{d}}^FS^XZ\","
                + "\"labels\":[{\"data\":{\"a\":\"x\",\"b\":2,\"c\":1.50,\"d\":true,\"unused\":[]}}]}");

    assertThat(text(draft.labels().get(0))).isEqualTo("^XA^FH_^FDx 2 1.5 true^FS^XZ");
  }

  @Test
  void mixesDataZplAndRawLabelsInOrder() {
    String raw = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
    JobDraft draft =
        valid(
            "{\"printerId\":\"p\",\"template\":\"^XA^FD{{a}}^FS^XZ\",\"labels\":["
                + "{\"data\":{\"a\":\"one\"}},{\"zpl\":\"^XA^FDtwo^FS^XZ\"},{\"raw\":\""
                + raw
                + "\"}]}");

    assertThat(draft.labels()).hasSize(3);
    assertThat(text(draft.labels().get(0))).isEqualTo("^XA^FH_^FDone^FS^XZ");
    assertThat(text(draft.labels().get(1))).isEqualTo("^XA^FDtwo^FS^XZ");
    assertThat(draft.labels().get(2)).containsExactly(1, 2, 3);
  }

  @Test
  void splitsAZplDocumentIntoOneLabelPerFormat() {
    JobDraft draft =
        valid(
            "{\"printerId\":\"p\",\"zplDocument\":"
                + "\"~SD15\\n^XA^FD1^FS^XZ\\n^XA^FD2^FS^XZ\\r\\n^XA^FD3^FS^XZ\\n\"}");

    assertThat(draft.labels())
        .extracting(SubmissionValidatorTest::text)
        .containsExactly("^XA^FD1^FS^XZ", "^XA^FD2^FS^XZ", "^XA^FD3^FS^XZ");
  }

  @Test
  void aLabelOf64KiBFitsAndOneByteMoreDoesNot() {
    String fits = "^XA^FD" + "x".repeat(64 * 1024 - 12) + "^FS^XZ";
    assertThat(valid(labels("{\"zpl\":\"" + fits + "\"}")).labels().get(0)).hasSize(64 * 1024);
    assertInvalid(labels("{\"zpl\":\"" + fits.replace("^FD", "^FDx") + "\"}"), "labels[0]");
  }

  @Test
  void acceptsExactly500Labels() {
    assertThat(valid(labels("{\"raw\":\"AA==\"},".repeat(499) + "{\"raw\":\"AA==\"}")).labels())
        .hasSize(500);
  }

  @Test
  void collectsEveryInvalidFieldAtOnce() {
    InvalidInput invalid =
        catchThrowableOfType(
            InvalidInput.class,
            () ->
                validator.validate(
                    json(
                        "{\"printerId\":\"a b\",\"priority\":\"asap\",\"reference\":7,\"labels\":["
                            + "{\"zpl\":\"nope\"},{\"raw\":\"@@\"},{\"data\":{}},{}]}"),
                    "",
                    ALL,
                    id -> true));

    assertThat(invalid.errors())
        .extracting(FieldError::field)
        .containsExactly(
            "Idempotency-Key",
            "printerId",
            "priority",
            "reference",
            "template",
            "labels[0].zpl",
            "labels[1].raw",
            "labels[3]");
  }

  @Test
  void reportsEachMissingPlaceholderOfEachLabel() {
    InvalidInput invalid =
        catchThrowableOfType(
            InvalidInput.class,
            () ->
                validator.validate(
                    json(
                        "{\"printerId\":\"p\",\"template\":\"^XA^FD{{a}}{{b}}^FS^XZ\",\"labels\":["
                            + "{\"data\":{\"a\":1,\"b\":2}},{\"data\":{\"a\":null}}]}"),
                    null,
                    ALL,
                    id -> true));

    assertThat(invalid.errors())
        .containsExactly(
            new FieldError("labels[1].data", "label 2: missing value for {{a}}"),
            new FieldError("labels[1].data", "label 2: missing value for {{b}}"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsMalformed() {
    assertThatThrownBy(() -> validator.validate(json("[1]"), null, ALL, id -> true))
        .isInstanceOf(MalformedRequest.class);
  }

  private JobDraft valid(String body) {
    return validator.validate(json(body), null, ALL, id -> true);
  }

  private void assertInvalid(String body, String field) {
    assertInvalid(body, null, field);
  }

  private void assertInvalid(String body, String key, String field) {
    InvalidInput invalid =
        catchThrowableOfType(
            InvalidInput.class, () -> validator.validate(json(body), key, ALL, id -> true));
    assertThat(invalid).as("expected %s to be invalid", field).isNotNull();
    assertThat(invalid.errors()).extracting(FieldError::field).containsExactly(field);
  }

  private static String labels(String labels) {
    return "{\"printerId\":\"p\",\"labels\":[" + labels + "]}";
  }

  /** The body as the API binds it before validating. */
  private static SubmitRequest json(String text) {
    try {
      return BODY.bind(JSON.readValue(text, JsonNode.class), SubmitRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
