package io.printrelay.function.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {
  private static final TemplateRenderer NAME =
      TemplateRenderer.parse("^XA^FO30,30^A0N,40^FD{{name}}^FS^XZ");

  @Test
  void insertsHexModeBeforeEachFieldWithAPlaceholder() {
    TemplateRenderer template =
        TemplateRenderer.parse("^XA^FO1,1^FD{{a}}^FS^FO2,2^FDfixed^FS^FO3,3^FDx {{b}} y^FS^XZ");

    assertThat(template.render(Map.of("a", "A", "b", "B")))
        .isEqualTo("^XA^FO1,1^FH_^FDA^FS^FO2,2^FDfixed^FS^FO3,3^FH_^FDx B y^FS^XZ");
    assertThat(template.placeholders()).containsExactly("a", "b");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "^XZ^XA^FDPWNED|_5EXZ_5EXA_5EFDPWNED",
        "~JR|_7EJR",
        "_5E|_5F5E",
        "a^FS^XZ|a_5EFS_5EXZ",
        "Tomato soup|Tomato soup",
        "Grüße 東京 ✓|Grüße 東京 ✓"
      })
  void escapesCaretTildeAndUnderscoreSoNoValueStartsACommand(String value, String escaped) {
    String label = NAME.render(Map.of("name", value));

    assertThat(label).isEqualTo("^XA^FO30,30^A0N,40^FH_^FD" + escaped + "^FS^XZ");
    assertThat(count(label, "^XA")).isEqualTo(1);
    assertThat(count(label, "^XZ")).isEqualTo(1);
    assertThat(count(label, "~")).isZero();
  }

  @Test
  void escapesControlCharacters() {
    assertThat(NAME.render(Map.of("name", "a\nb\u0000"))).contains("^FDa_0Ab_00^FS");
  }

  @Test
  void keepsTheTemplatesOwnUnderscoresLiteralWhenItAddsHexMode() {
    TemplateRenderer template = TemplateRenderer.parse("^XA^FDLot_{{n}}^FS^XZ");

    assertThat(template.render(Map.of("n", "7"))).isEqualTo("^XA^FH_^FDLot_5F7^FS^XZ");
  }

  @Test
  void usesTheFieldsOwnHexIndicatorWhenItHasOne() {
    TemplateRenderer template = TemplateRenderer.parse("^XA^FO1,1^FH\\^FD\\41{{v}}^FS^XZ");

    assertThat(template.render(Map.of("v", "^\\_")))
        .isEqualTo("^XA^FO1,1^FH\\^FD\\41\\5E\\5C_^FS^XZ");
  }

  @Test
  void hexModeOfOneFieldEndsAtItsFieldSeparator() {
    TemplateRenderer template = TemplateRenderer.parse("^XA^FH^FDa^FS^FD{{v}}^FS^XZ");

    assertThat(template.render(Map.of("v", "_"))).isEqualTo("^XA^FH^FDa^FS^FH_^FD_5F^FS^XZ");
  }

  @Test
  void escapesValuesInFieldVariableDataToo() {
    assertThat(TemplateRenderer.parse("^XA^FV{{v}}^FS^XZ").render(Map.of("v", "~")))
        .isEqualTo("^XA^FH_^FV_7E^FS^XZ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^XA^FO{{x}},10^FDa^FS^XZ",
        "^XA{{x}}^FDa^FS^XZ",
        "^XA^FH{{x}}^FDa^FS^XZ",
        "^XA^A0N,{{x}}^FDa^FS^XZ"
      })
  void refusesAPlaceholderOutsideFieldData(String template) {
    assertThatThrownBy(() -> TemplateRenderer.parse(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside field data");
  }

  @ParameterizedTest
  @ValueSource(strings = {"^XA^CC+^FD{{x}}^FS^XZ", "^XA~CT#^FD{{x}}^FS^XZ"})
  void refusesATemplateThatChangesTheCommandPrefixes(String template) {
    assertThatThrownBy(() -> TemplateRenderer.parse(template)).hasMessageContaining("prefixes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"^FD{{x}}^FS", "^XA^FD{{x}}^FS^XZ^XA^XZ", "^XA^FD{{x}}^FS"})
  void refusesATemplateThatIsNotOneWholeFormat(String template) {
    assertThatThrownBy(() -> TemplateRenderer.parse(template)).hasMessageContaining("one whole");
  }

  private static int count(String text, String what) {
    Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
