package io.printrelay.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrinterIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "line-1",
        "a",
        "Zebra_ZT411.kitchen",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void acceptsLettersDigitsDotsUnderscoresAndDashes(String id) {
    assertThat(PrinterId.parse(id)).map(PrinterId::value).contains(id);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "line 1",
        "line/1",
        "linie-ß",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void refusesAnythingElse(String id) {
    assertThat(PrinterId.isValid(id)).isFalse();
    assertThatThrownBy(() -> new PrinterId(id)).hasMessageContaining(PrinterId.RULE);
  }
}
