package io.printrelay.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

  @ParameterizedTest
  @CsvSource({"1, HIGH", "9, HIGH", "10, NORMAL", "200, NORMAL", "201, LOW", "500, LOW"})
  void defaultsByLabelCountAsTheContractSays(int labels, Priority expected) {
    assertThat(Priority.forLabelCount(labels)).isEqualTo(expected);
  }

  @Test
  void declarationOrderIsPrintOrder() {
    assertThat(Priority.values()).containsExactly(Priority.HIGH, Priority.NORMAL, Priority.LOW);
  }

  @Test
  void parsesLowerCaseNamesOnly() {
    assertThat(Priority.parse("high")).contains(Priority.HIGH);
    assertThat(Priority.parse("urgent")).isEmpty();
  }
}
