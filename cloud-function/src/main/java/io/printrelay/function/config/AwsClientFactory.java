package io.printrelay.function.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients and the clock, as beans so tests and `printrelay local` can point them elsewhere.
 * The URL-connection HTTP client starts faster than the SDK's Apache client, which matters on a
 * Lambda cold start, and is plenty for one request at a time.
 */
@Factory
public class AwsClientFactory {
  // ElasticMQ and DynamoDB Local accept any credentials (CONTRACT §2); real AWS never sees these.
  private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private final AwsSettings aws;

  public AwsClientFactory(AwsSettings aws) {
    this.aws = aws;
  }

  @Singleton
  @Bean(preDestroy = "close")
  public SqsClient sqsClient() {
    return configure(SqsClient.builder(), aws.sqsEndpoint()).build();
  }

  @Singleton
  @Bean(preDestroy = "close")
  public DynamoDbClient dynamoDbClient() {
    return configure(DynamoDbClient.builder(), aws.dynamodbEndpoint()).build();
  }

  /** Replaceable in tests; everything time-dependent takes it instead of calling now(). */
  @Singleton
  public Clock clock() {
    return Clock.systemUTC();
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, URI endpoint) {
    builder.httpClientBuilder(UrlConnectionHttpClient.builder());
    if (aws.region() != null) {
      builder.region(Region.of(aws.region()));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint).credentialsProvider(LOCAL_CREDENTIALS);
      if (aws.region() == null) {
        builder.region(Region.US_EAST_1);
      }
    }
    return builder;
  }
}
