package io.printrelay.function.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;

/**
 * How to reach SQS and DynamoDB. In AWS all three are absent: the SDK's default region and
 * credential chains apply (Lambda sets {@code AWS_REGION} and the role's credentials). Locally and
 * in tests the endpoints point at ElasticMQ and DynamoDB Local, which accept any credentials.
 */
@ConfigurationProperties("printrelay.aws")
public record AwsSettings(
    @Nullable String region, @Nullable URI sqsEndpoint, @Nullable URI dynamodbEndpoint) {}
