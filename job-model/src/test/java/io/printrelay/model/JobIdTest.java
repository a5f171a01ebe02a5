package io.printrelay.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobIdTest {

  @Test
  void aNewIdIsValid() {
    assertThat(JobId.isValid(JobId.next())).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "no-such-job",
        "0B6F3C1E-8A4D-4C3E-9A57-5F0F6C1D2E3A",
        "0b6f3c1e-8a4d-4c3e-9a57-5f0f6c1d2e3a-x",
        "0b6f3c1e8a4d4c3e9a575f0f6c1d2e3a",
        " 0b6f3c1e-8a4d-4c3e-9a57-5f0f6c1d2e3a"
      })
  void refusesAnythingButACanonicalUuid(String id) {
    assertThat(JobId.isValid(id)).isFalse();
  }
}
