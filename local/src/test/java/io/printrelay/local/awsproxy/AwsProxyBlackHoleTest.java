package io.printrelay.local.awsproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.testing.SharedEmbeddedAws;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Both black-hole modes, as a real SDK client and a raw socket see them, and the way back. */
class AwsProxyBlackHoleTest {
  private AwsProxy proxy;
  private DynamoDbClient client;

  @BeforeEach
  void start() {
    SharedEmbeddedAws.get().dynamoDbClient().listTables(); // warm: a cold emulator is slow
    proxy = AwsProxy.start(AwsService.DYNAMODB, SharedEmbeddedAws.get().dynamoDbEndpoint());
    client = ProxiedClients.oneAttemptDynamoDb(proxy.endpoint(), Duration.ofSeconds(30));
    client.listTables(); // a kept-alive connection exists when the black hole starts
  }

  @AfterEach
  void stop() {
    client.close();
    proxy.close();
  }

  @Test
  void refuseClosesTheListenerAndCutsConnectionsUntilItEnds() {
    URI endpoint = proxy.endpoint();

    proxy.blackHole(BlackHole.REFUSE);

    assertThatThrownBy(client::listTables).isInstanceOf(SdkClientException.class)
        .hasRootCauseInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
        .isInstanceOf(ConnectException.class);

    proxy.endBlackHole();

    assertThat(proxy.endpoint()).isEqualTo(endpoint);
    assertThat(client.listTables().tableNames()).isNotNull();
  }

  @Test
  void noAnswerAcceptsAndReadsButAnswersNothingThenDropsTheConnections() throws Exception {
    proxy.blackHole(BlackHole.NO_ANSWER);

    try (DynamoDbClient impatient =
        ProxiedClients.oneAttemptDynamoDb(proxy.endpoint(), Duration.ofSeconds(1))) {
      assertThatThrownBy(impatient::listTables).isInstanceOf(SdkClientException.class)
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
    }
    try (Socket raw = new Socket(proxy.endpoint().getHost(), proxy.endpoint().getPort())) {
      raw.getOutputStream().write(listTablesRequest().getBytes(StandardCharsets.US_ASCII));
      raw.setSoTimeout(300);
      InputStream in = raw.getInputStream();
      assertThatThrownBy(in::read).as("nothing answered")
          .isInstanceOf(SocketTimeoutException.class);

      proxy.endBlackHole();

      raw.setSoTimeout(5_000);
      assertThat(in.read()).as("dropped when the black hole ends").isEqualTo(-1);
    }
    assertThat(client.listTables().tableNames()).isNotNull();
    assertThat(proxy.traffic().of("ListTables")).isEqualTo(4);
    assertThat(proxy.traffic().unanswered()).isEqualTo(2);
  }

  private String listTablesRequest() {
    return "POST / HTTP/1.1\r\nHost: " + proxy.endpoint().getAuthority() + "\r\n"
        + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n{}";
  }
}
