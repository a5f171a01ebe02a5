package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses an operator's URL may make the function call (literal addresses: no DNS). */
class OutboundAddressesTest {
  private final OutboundAddresses publicOnly = new OutboundAddresses(false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9001/2018-06-01/runtime/invocation/next",
        "http://169.254.169.254/latest/meta-data/",
        "https://10.0.0.5/",
        "https://172.16.4.2/",
        "https://192.168.1.20:8069/",
        "https://100.64.0.1/",
        "https://0.0.0.0/",
        "https://[::1]/",
        "https://[fd00::1]/",
        "https://[fe80::1]/"
      })
  void privateLoopbackAndLinkLocalAddressesAreRefused(String url) {
    assertThat(publicOnly.refusal(URI.create(url)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("public addresses only"));
    assertThat(new OutboundAddresses(true).refusal(URI.create(url))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://8.8.8.8/", "https://[2001:4860:4860::8888]/", "https://100.128.0.1/"})
  void publicAddressesMayBeCalled(String url) {
    assertThat(publicOnly.refusal(URI.create(url))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://no-such-host.invalid/"})
  void aNameThatDoesNotResolveIsLeftToFailAsUnreachable(String url) {
    assertThat(publicOnly.refusal(URI.create(url))).isEmpty();
  }
}
