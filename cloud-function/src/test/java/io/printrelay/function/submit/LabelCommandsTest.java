package io.printrelay.function.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.security.Capability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a key's labels may carry, by its capabilities, in every form a label can take. */
class LabelCommandsTest {
  private static final JsonBody BODY = new JsonBody(JsonMapper.createDefault());
  private static final Set<Capability> NONE = Set.of();
  private static final Set<Capability> ALL = EnumSet.allOf(Capability.class);
  private static final Set<Capability> CONFIG = Set.of(Capability.PRINTER_CONFIG);

  private final SubmissionValidator validator =
      new SubmissionValidator(label -> BODY.bind(label, SubmitRequest.LabelInput.class));

  static Stream<Arguments> refusals() {
    return Stream.of(
        refused("a zpl label's ~HS, whatever the key", zpl("^XA~HS^XZ"), ALL, "labels[0].zpl"),
        refused("a template's ^HH", template("^XA^HH^FD{{x}}^FS^XZ"), ALL, "template"),
        refused("a document format's ~HI", document("^XA^FDa^FS^XZ^XA~HI^XZ"), ALL, "zplDocument"),
        refused("a prefix change, whatever the key", zpl("^XA~CT#^XZ"), ALL, "labels[0].zpl"),
        refused("^JUS without printer-config", zpl("^XA^JUS^XZ"), NONE, "labels[0].zpl"),
        refused(
            "a template's ~JA without printer-config",
            template("^XA~JA^FD{{x}}^FS^XZ"),
            Set.of(Capability.RAW),
            "template"),
        refused(
            "^NS in a document without printer-config", document("^XA^NS^XZ"), NONE, "zplDocument"),
        refused("raw without raw", raw(), CONFIG, "labels[0].raw"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWhatTheKeyMayNotSend(
      String what, String body, Set<Capability> capabilities, String field) {
    InvalidInput invalid =
        catchThrowableOfType(
            InvalidInput.class,
            () -> validator.validate(json(body), null, capabilities, p -> true));

    assertThat(invalid).as(what).isNotNull();
    assertThat(invalid.errors()).extracting(FieldError::field).containsExactly(field);
  }

  static Stream<Arguments> allowed() {
    return Stream.of(
        Arguments.of(
            "a label's own settings, by any key",
            zpl("^XA^PR4~SD15^MNW^PW812^CI28^FDHS JU^FS^XZ"),
            NONE),
        Arguments.of("^JUS with printer-config", zpl("^XA^JUS^XZ"), CONFIG),
        Arguments.of(
            "a template's ^NS with printer-config", template("^XA^NS^FD{{x}}^FS^XZ"), CONFIG),
        Arguments.of("raw with raw", raw(), Set.of(Capability.RAW)),
        Arguments.of(
            "host commands as template values, escaped", template("^XA^FD{{x}}^FS^XZ"), NONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowed")
  void acceptsWhatTheKeyMaySend(String what, String body, Set<Capability> capabilities) {
    assertThat(validator.validate(json(body), null, capabilities, p -> true).labels())
        .as(what)
        .hasSize(1);
  }

  @Test
  void namesEachKindOfRefusedCommandWithItsLabel() {
    InvalidInput invalid =
        catchThrowableOfType(
            InvalidInput.class,
            () ->
                validator.validate(
                    json(zpl("^XA^FDa^FS^XZ", "^XA~HS^HH^JUS^XZ")), null, NONE, p -> true));

    assertThat(invalid.errors())
        .extracting(FieldError::message)
        .satisfiesExactly(
            host -> assertThat(host).startsWith("label 2: ~HS, ^HH make the printer answer"),
            config ->
                assertThat(config)
                    .startsWith("label 2: ^JU changes the printer")
                    .contains("capability printer-config"));
  }

  @Test
  void namesTheFormatOfADocument() {
    InvalidInput invalid =
        catchThrowableOfType(
            InvalidInput.class,
            () ->
                validator.validate(
                    json(document("^XA^FDa^FS^XZ^XA^FDb^FS^XZ^XA~HQES^XZ")), null, ALL, p -> true));

    assertThat(invalid.errors().get(0).message()).startsWith("format 3: ~HQ makes");
  }

  private static Arguments refused(
      String what, String body, Set<Capability> capabilities, String field) {
    return Arguments.of(what, body, capabilities, field);
  }

  private static String zpl(String... formats) {
    return "{\"printerId\":\"p\",\"labels\":["
        + String.join(",", List.of(formats).stream().map(f -> "{\"zpl\":\"" + f + "\"}").toList())
        + "]}";
  }

  private static String template(String template) {
    return "{\"printerId\":\"p\",\"template\":\""
        + template
        + "\",\"labels\":[{\"data\":{\"x\":\"~HS ^JUS ^CC+\"}}]}";
  }

  private static String document(String document) {
    return "{\"printerId\":\"p\",\"zplDocument\":\"" + document + "\"}";
  }

  private static String raw() {
    return "{\"printerId\":\"p\",\"labels\":[{\"raw\":\"XlhBfkhTXlha\"}]}";
  }

  private static SubmitRequest json(String text) {
    try {
      return BODY.bind(
          JsonMapper.createDefault().readValue(text, JsonNode.class), SubmitRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
