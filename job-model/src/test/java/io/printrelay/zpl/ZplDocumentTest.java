package io.printrelay.zpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
