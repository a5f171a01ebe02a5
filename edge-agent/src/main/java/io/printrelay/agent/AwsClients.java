package io.printrelay.agent;

import io.printrelay.aws.AwsClientSetup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The agent's AWS clients, built as everywhere in Printrelay ({@link AwsClientSetup}): an endpoint
 * means an emulator with dummy credentials; none means AWS through the default chains.
 */
record AwsClients(SqsClient sqs, DynamoDbClient dynamoDb) implements AutoCloseable {
  static AwsClients create(AgentOptions options) {
    return new AwsClients(
        AwsClientSetup.configure(SqsClient.builder(), options.sqsEndpoint(), options.region())
            .build(),
        AwsClientSetup.configure(
                DynamoDbClient.builder(), options.dynamoDbEndpoint(), options.region())
            .build());
  }

  @Override
  public void close() {
    sqs.close();
    dynamoDb.close();
  }
}
