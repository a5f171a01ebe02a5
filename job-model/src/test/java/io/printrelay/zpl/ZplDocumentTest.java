package io.printrelay.zpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZplDocumentTest {

  @Test
  void splitsAnOdooReportIntoOneLabelPerFormatInOrder() {
    String document =
        "^XA^FO10,10^FDBox 1^FS^XZ\n\n^XA^FO10,10^FDBox 2^FS^XZ\r\n^xa^FDBox 3^FS^xz\n";
    assertThat(ZplDocument.formats(document))
        .containsExactly(
            "^XA^FO10,10^FDBox 1^FS^XZ", "^XA^FO10,10^FDBox 2^FS^XZ", "^xa^FDBox 3^FS^xz");
  }

  @Test
  void dropsTextBetweenFormats() {
    assertThat(ZplDocument.formats("~JA\n^XA^FDa^FS^XZ junk ^XA^FDb^FS^XZ"))
        .containsExactly("^XA^FDa^FS^XZ", "^XA^FDb^FS^XZ");
  }

  @Test
  void refusesAnUnterminatedFormatInsteadOfPrintingHalfALabel() {
    assertThatThrownBy(() -> ZplDocument.formats("^XA^FDa^FS^XZ^XA^FDb^FS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 2");
  }

  @Test
  void findsNoFormatsInPlainText() {
    assertThat(ZplDocument.formats("hello")).isEmpty();
  }

  @Test
  void recognisesExactlyOneWholeFormat() {
    assertThat(ZplDocument.isSingleFormat(" ^XA^FDa^FS^XZ\n")).isTrue();
    assertThat(ZplDocument.isSingleFormat("^XA^FDa^FS^XZ^XA^FDb^FS^XZ")).isFalse();
    assertThat(ZplDocument.isSingleFormat("^FDa^FS^XZ")).isFalse();
    assertThat(ZplDocument.isSingleFormat("^XA^FDa^FS")).isFalse();
  }

  @Test
  void keepsTheLabelAfterAnEszettWhole() {
    // The reported job: upper-casing "Soße" to "SOSSE" moved every later cut one character on.
    assertThat(ZplDocument.formats("^XA^FDSoße^FS^XZ^XA^FDBrot^FS^XZ\n"))
        .containsExactly("^XA^FDSoße^FS^XZ", "^XA^FDBrot^FS^XZ");
  }

  /**
   * Field texts whose length changes under case mapping (ß and ﬁ grow when upper-cased, İ when
   * lower-cased), letters that case differently in Turkish (ı), and surrogate pairs (emoji), each
   * with the commands spelt upper, lower and mixed case, since a Zebra reads ^xa as ^XA.
   */
  static Stream<Arguments> fieldTextsAndCommandSpellings() {
    Stream<String> texts =
        Stream.of("Soße", "Weißkohl Soße", "ﬁlet ﬂan", "İzmir ısı", "🍅 tomato 🌶", "ŉ ǰ ΐ");
    return texts.flatMap(
        text ->
            Stream.of(
                Arguments.of(text, "^XA", "^XZ"),
                Arguments.of(text, "^xa", "^xz"),
                Arguments.of(text, "^Xa", "^xZ")));
  }

  @ParameterizedTest(name = "{0} in {1}…{2}")
  @MethodSource("fieldTextsAndCommandSpellings")
  void cutsEveryFormatWholeWhateverTheFieldTextBecomesWhenCaseMapped(
      String text, String start, String end) {
    String first = start + "^FD" + text + "^FS" + end;
    String second = start + "^FDBrot^FS" + end;
    String third = start + "^FDEnde^FS" + end;

    assertThat(ZplDocument.formats(first + "\n" + second + third))
        .containsExactly(first, second, third);
  }

  @ParameterizedTest(name = "{0} in {1}…{2}")
  @MethodSource("fieldTextsAndCommandSpellings")
  void namesTheUnterminatedFormatWhateverTheFieldTextBecomesWhenCaseMapped(
      String text, String start, String end) {
    String document = start + "^FD" + text + "^FS" + end + start + "^FD" + text + "^FS";

    assertThatThrownBy(() -> ZplDocument.formats(document))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 2");
  }

  @ParameterizedTest(name = "{0} in {1}…{2}")
  @MethodSource("fieldTextsAndCommandSpellings")
  void recognisesOneWholeFormatWhateverItsFieldText(String text, String start, String end) {
    assertThat(ZplDocument.isSingleFormat(" " + start + "^FD" + text + "^FS" + end + "\n"))
        .isTrue();
    assertThat(ZplDocument.isSingleFormat(start + "^FD" + text + "^FS" + end + start + end))
        .isFalse();
    assertThat(ZplDocument.isSingleFormat(start + "^FD" + text + end + "^FS" + end)).isFalse();
    assertThat(ZplDocument.isSingleFormat(start + "^FD" + text + "^FS")).isFalse();
  }
}
