package io.printrelay.agent;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The agent's AWS clients, on the JDK's URL connection client (small and quick to start on a
 * Raspberry Pi). A client given an endpoint talks to an emulator with dummy credentials; one
 * without talks to AWS through the default credential and region chains.
 */
record AwsClients(SqsClient sqs, DynamoDbClient dynamoDb) implements AutoCloseable {
  private static final AwsCredentialsProvider EMULATOR =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  static AwsClients create(AgentOptions options) {
    Region region = options.region() == null ? null : Region.of(options.region());
    SqsClientBuilder sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(credentials(options.sqsEndpoint()));
    DynamoDbClientBuilder dynamoDb = DynamoDbClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(credentials(options.dynamoDbEndpoint()));
    if (region != null) {
      sqs.region(region);
      dynamoDb.region(region);
    }
    if (options.sqsEndpoint() != null) {
      sqs.endpointOverride(options.sqsEndpoint());
    }
    if (options.dynamoDbEndpoint() != null) {
      dynamoDb.endpointOverride(options.dynamoDbEndpoint());
    }
    return new AwsClients(sqs.build(), dynamoDb.build());
  }

  private static AwsCredentialsProvider credentials(URI endpoint) {
    return endpoint == null ? DefaultCredentialsProvider.builder().build() : EMULATOR;
  }

  @Override
  public void close() {
    sqs.close();
    dynamoDb.close();
  }
}
