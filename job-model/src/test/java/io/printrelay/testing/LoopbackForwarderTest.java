package io.printrelay.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.printrelay.aws.AwsClientSetup;
import io.printrelay.model.Priority;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The forwarder the outage tests put between real SDK clients and the embedded emulators: it
 * forwards, refuses and black-holes as a network does, and the SDK's calls really go through it (an
 * SQS call carries the emulator's own queue URL, yet must use the client's endpoint).
 */
@Timeout(60)
class LoopbackForwarderTest {
  private final Sandbox aws = SharedEmbeddedAws.newSandbox();
  private final LoopbackForwarder toDynamoDb = LoopbackForwarder.to(aws.aws().dynamoDbEndpoint());
  private final LoopbackForwarder toSqs = LoopbackForwarder.to(aws.aws().sqsEndpoint());
  private final DynamoDbClient dynamoDb =
      AwsClientSetup.configure(DynamoDbClient.builder(), toDynamoDb.endpoint(), null)
          .httpClientBuilder(quick())
          .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
          .build();
  private final SqsClient sqs =
      AwsClientSetup.configure(SqsClient.builder(), toSqs.endpoint(), null)
          .httpClientBuilder(quick())
          .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
          .build();

  // One attempt, short timeouts: each failure shows at once instead of after the SDK's retries.
  private static UrlConnectionHttpClient.Builder quick() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(1))
        .socketTimeout(Duration.ofSeconds(1));
  }

  @AfterEach
  void close() {
    dynamoDb.close();
    sqs.close();
    toDynamoDb.close();
    toSqs.close();
  }

  @Test
  void forwardsUntilRefusedAndAgainOnceRestoredOnTheSamePort() {
    assertThat(describeTable()).isEqualTo(aws.table());
    int port = toDynamoDb.port();

    toDynamoDb.refuse();
    assertFailsWith(this::describeTable, SocketException.class);

    toDynamoDb.restore();
    assertThat(toDynamoDb.port()).isEqualTo(port);
    assertThat(describeTable()).isEqualTo(aws.table());
  }

  @Test
  void aBlackHoleAcceptsButNeverAnswersUntilRestored() {
    assertThat(describeTable()).isEqualTo(aws.table());

    toDynamoDb.blackHole();
    int before = toDynamoDb.connectionsAccepted();
    assertFailsWith(this::describeTable, SocketTimeoutException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> toDynamoDb.connectionsAbandoned() >= 1);

    toDynamoDb.restore();
    assertThat(describeTable()).isEqualTo(aws.table());
    assertThat(toDynamoDb.connectionsAccepted()).as("reconnected").isGreaterThan(before);
  }

  @Test
  void sqsCallsGoThroughTheClientsEndpointNotTheQueueUrlsHost() {
    String queueUrl = aws.queueUrls().of(Priority.HIGH);
    assertThat(queueUrl).contains(":" + aws.aws().sqsEndpoint().getPort() + "/");
    sqs.getQueueAttributes(b -> b.queueUrl(queueUrl));

    toSqs.refuse();

    assertFailsWith(() -> sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)), SocketException.class);
    toSqs.restore();
    sqs.getQueueAttributes(b -> b.queueUrl(queueUrl));
  }

  private String describeTable() {
    return dynamoDb.describeTable(b -> b.tableName(aws.table())).table().tableName();
  }

  // Refused: a new connection is refused (ConnectException) or the kept-alive one the client
  // tries first is reset (SocketException, ConnectException's parent), whichever comes first.
  private static void assertFailsWith(ThrowingCallable call, Class<? extends Throwable> cause) {
    assertThatThrownBy(call).isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(cause);
  }
}
