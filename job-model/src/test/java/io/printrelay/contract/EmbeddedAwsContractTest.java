package io.printrelay.contract;

import io.printrelay.testing.SharedEmbeddedAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The contract on ElasticMQ and DynamoDB Local, started in-process: always runs. */
class EmbeddedAwsContractTest extends AwsContractTest {
  private final SqsClient sqs = SharedEmbeddedAws.get().sqsClient();
  private final DynamoDbClient dynamoDb = SharedEmbeddedAws.get().dynamoDbClient();

  @Override
  protected SqsClient sqs() {
    return sqs;
  }

  @Override
  protected DynamoDbClient dynamoDb() {
    return dynamoDb;
  }
}
