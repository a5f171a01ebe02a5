package io.printrelay.local.awsproxy;

import io.printrelay.aws.AwsClientSetup;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients aimed at a proxy, built as Printrelay builds its own (AwsClientSetup); the
 * one-attempt ones do not retry, so a black hole shows at once.
 */
final class ProxiedClients {
  private ProxiedClients() {}

  static DynamoDbClient dynamoDb(URI endpoint, ExecutionInterceptor... interceptors) {
    return AwsClientSetup.configure(DynamoDbClient.builder(), endpoint, null)
        .overrideConfiguration(
            o -> {
              for (ExecutionInterceptor interceptor : interceptors) {
                o.addExecutionInterceptor(interceptor);
              }
            })
        .build();
  }

  static SqsClient sqs(URI endpoint) {
    return AwsClientSetup.configure(SqsClient.builder(), endpoint, null).build();
  }

  static DynamoDbClient oneAttemptDynamoDb(URI endpoint, Duration readTimeout) {
    return AwsClientSetup.configure(DynamoDbClient.builder(), endpoint, null)
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(readTimeout))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
