package io.printrelay.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.printrelay.testing.SharedEmbeddedAws;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulators hold every job and label unauthenticated, so they must not be reachable from the
 * LAN. A listener on 127.0.0.1 refuses a connection to 127.0.0.2 while a wildcard (0.0.0.0)
 * listener accepts it, since Linux routes all of 127.0.0.0/8 to the loopback interface; that tells
 * the two binds apart without sending a byte off this machine.
 */
class EmbeddedAwsLoopbackTest {
  private static final int CONNECT_TIMEOUT_MS = 2_000;

  static Stream<Arguments> emulators() {
    EmbeddedAws aws = SharedEmbeddedAws.get();
    return Stream.of(
        Arguments.of("DynamoDB Local", aws.dynamoDbEndpoint()),
        Arguments.of("ElasticMQ", aws.sqsEndpoint()));
  }

  @BeforeAll
  static void otherLoopbackAddressesReachAWildcardListener() throws IOException {
    // Without this, a refusal below could mean "127.0.0.2 is not routed here" (macOS by default)
    // rather than "the emulator listens on 127.0.0.1 only".
    try (ServerSocket wildcard = new ServerSocket(0)) {
      assumeTrue(
          accepts("127.0.0.2", wildcard.getLocalPort()),
          "127.0.0.2 does not reach a wildcard listener on this machine");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emulators")
  void emulatorAcceptsConnectionsOn127001Only(String emulator, URI endpoint) {
    assertThat(accepts("127.0.0.1", endpoint.getPort())).as("%s on 127.0.0.1", emulator).isTrue();
    assertThat(accepts("127.0.0.2", endpoint.getPort())).as("%s on 127.0.0.2", emulator).isFalse();
  }

  private static boolean accepts(String loopbackAddress, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getByName(loopbackAddress), port), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
