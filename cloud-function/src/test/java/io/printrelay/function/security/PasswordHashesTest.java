package io.printrelay.function.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashesTest {
  private static final String HASH = PasswordHashes.hash("s3cret ünïcode");

  @Test
  void aHashNamesItsSchemeAndIterationsAndMatchesOnlyItsPassword() {
    assertThat(HASH).startsWith("pbkdf2-sha256$210000$");
    PasswordHashes.Encoded encoded = PasswordHashes.parse(HASH);

    assertThat(PasswordHashes.matches("s3cret ünïcode", encoded)).isTrue();
    assertThat(PasswordHashes.matches("s3cret unicode", encoded)).isFalse();
    assertThat(PasswordHashes.matches("", encoded)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(PasswordHashes.hash("same")).isNotEqualTo(PasswordHashes.hash("same"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain-password",
        "bcrypt$10$abc$def",
        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256$many$AAAA$AAAA",
        "pbkdf2-sha256$210000$AAAA$AAAA"
      })
  void refusesHashesThatAreMalformedOrTooWeak(String configured) {
    assertThatThrownBy(() -> PasswordHashes.parse(configured))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
