package io.printrelay.contract;

import static org.testcontainers.containers.localstack.LocalStackContainer.Service.DYNAMODB;
import static org.testcontainers.containers.localstack.LocalStackContainer.Service.SQS;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The same contract on LocalStack; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContractTest extends AwsContractTest {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
          .withServices(SQS, DYNAMODB);

  private SqsClient sqs;
  private DynamoDbClient dynamoDb;

  @Override
  protected synchronized SqsClient sqs() {
    if (sqs == null) {
      sqs =
          SqsClient.builder()
              .endpointOverride(LOCALSTACK.getEndpoint())
              .region(region())
              .credentialsProvider(credentials())
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build();
    }
    return sqs;
  }

  @Override
  protected synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb =
          DynamoDbClient.builder()
              .endpointOverride(LOCALSTACK.getEndpoint())
              .region(region())
              .credentialsProvider(credentials())
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build();
    }
    return dynamoDb;
  }

  private static Region region() {
    return Region.of(LOCALSTACK.getRegion());
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
  }
}
