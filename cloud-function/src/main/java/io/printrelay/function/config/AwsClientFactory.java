package io.printrelay.function.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.printrelay.aws.AwsClientSetup;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients and the clock, as beans so tests and `printrelay local` can point them elsewhere.
 * The URL-connection HTTP client starts faster than the SDK's Apache client, which matters on a
 * Lambda cold start, and is plenty for one request at a time.
 */
@Factory
public class AwsClientFactory {
  private final AwsSettings aws;

  public AwsClientFactory(AwsSettings aws) {
    this.aws = aws;
  }

  @Singleton
  @Bean(preDestroy = "close")
  public SqsClient sqsClient() {
    return AwsClientSetup.configure(SqsClient.builder(), aws.sqsEndpoint(), aws.region()).build();
  }

  @Singleton
  @Bean(preDestroy = "close")
  public DynamoDbClient dynamoDbClient() {
    return AwsClientSetup.configure(DynamoDbClient.builder(), aws.dynamodbEndpoint(), aws.region())
        .build();
  }

  /** Replaceable in tests; everything time-dependent takes it instead of calling now(). */
  @Singleton
  public Clock clock() {
    return Clock.systemUTC();
  }
}
