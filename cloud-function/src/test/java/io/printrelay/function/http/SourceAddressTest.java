package io.printrelay.function.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API Gateway's sourceIp is read as an address literal only: nothing is ever looked up. */
class SourceAddressTest {

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.7", "10.0.0.1", "2001:db8::1", "::ffff:192.0.2.1", "::1"})
  void addressLiteralsAreRead(String literal) {
    assertThat(SourceAddress.literal(literal)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "printrelay.example",
        "999.1.1.1",
        "1.2.3",
        "fe80::1%eth0",
        "::g"
      })
  void anythingElseIsNoAddress(String text) {
    assertThat(SourceAddress.literal(text)).isEmpty();
  }
}
