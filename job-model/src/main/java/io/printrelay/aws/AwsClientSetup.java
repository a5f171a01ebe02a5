package io.printrelay.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How every Printrelay SQS and DynamoDB client is built, in the function, the agent and the
 * embedded emulators alike: on the JDK's URL connection client (small, quick to start on Lambda and
 * on a Raspberry Pi). With an endpoint it talks to an emulator (ElasticMQ, DynamoDB Local), which
 * accepts any credentials; without one, to AWS through the default credential and region chains.
 */
public final class AwsClientSetup {
  /** The region emulators are addressed in when none is given; `printrelay local` uses it. */
  public static final Region EMULATOR_REGION = Region.US_EAST_1;

  private static final StaticCredentialsProvider EMULATOR_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private AwsClientSetup() {}

  /**
   * @param endpoint an emulator's URL, or null for AWS
   * @param region a region name, or null for the default chain (us-east-1 with an endpoint)
   */
  public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, URI endpoint, String region) {
    builder.httpClientBuilder(UrlConnectionHttpClient.builder());
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint).credentialsProvider(EMULATOR_CREDENTIALS);
      if (region == null) {
        builder.region(EMULATOR_REGION);
      }
    }
    return builder;
  }
}
