package io.printrelay.local.awsproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DynamoDB_20120810.PutItem | /                     |                          | PutItem",
        "AmazonSQS.ReceiveMessage  | /                     |                          | ReceiveMessage",
        "                          | /q?Action=SendMessage |                          | SendMessage",
        "                          | /000000000000/q       | Action=DeleteMessage&V=1 | DeleteMessage",
        "                          | /                     | {}                       | (unknown)"
      })
  void namesTheOperationFromTheTargetHeaderOrTheActionParameter(
      String target, String uri, String body, String expected) {
    HttpHeaders headers = new DefaultHttpHeaders();
    if (target != null) {
      headers.set("X-Amz-Target", target);
    }
    if (body != null && body.startsWith("Action")) {
      headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);

    assertThat(Operations.of(headers, uri, bytes)).isEqualTo(expected);
  }
}
