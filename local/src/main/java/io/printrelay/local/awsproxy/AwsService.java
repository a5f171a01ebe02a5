package io.printrelay.local.awsproxy;

/** The service behind a proxy: DynamoDB write requests are asked for their consumed capacity. */
public enum AwsService {
  SQS,
  DYNAMODB
}
