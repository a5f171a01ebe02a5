package io.printrelay.agent;

import io.printrelay.aws.AwsClientSetup;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The agent's AWS clients, built as everywhere in Printrelay ({@link AwsClientSetup}): an endpoint
 * means an emulator with dummy credentials; none means AWS through the default chains. Their
 * timeouts are short, so that a request caught in an outage that stopped answering gives up in
 * seconds and the next one, once the cloud is back, syncs the journal
 * (docs/printing.md#cloud-outages).
 */
record AwsClients(SqsClient sqs, DynamoDbClient dynamoDb) implements AutoCloseable {
  private static final Duration CONNECT = Duration.ofSeconds(2);
  private static final Duration DYNAMODB_ANSWER = Duration.ofSeconds(3);
  // All attempts of one call: DynamoDB's default of up to 9 attempts would hide an outage for
  // half a minute, during which a job waits for a reservation instead of printing on.
  private static final Duration DYNAMODB_CALL = Duration.ofSeconds(6);
  // Above the long poll, which waits up to 20 s for a message before answering.
  private static final Duration SQS_BEYOND_POLL = Duration.ofSeconds(10);

  static AwsClients create(AgentOptions options) {
    return new AwsClients(
        AwsClientSetup.configure(SqsClient.builder(), options.sqsEndpoint(), options.region())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT)
                    .socketTimeout(options.config().pollWait().plus(SQS_BEYOND_POLL)))
            .build(),
        AwsClientSetup.configure(
                DynamoDbClient.builder(), options.dynamoDbEndpoint(), options.region())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT)
                    .socketTimeout(DYNAMODB_ANSWER))
            .overrideConfiguration(o -> o.apiCallTimeout(DYNAMODB_CALL))
            .build());
  }

  @Override
  public void close() {
    sqs.close();
    dynamoDb.close();
  }
}
