package io.printrelay.local.awsproxy;

import java.net.URI;
import java.time.Duration;

/** One proxy in front of each emulator, steered together: the agent's view of "the cloud". */
public record AwsProxies(AwsProxy sqs, AwsProxy dynamoDb) implements AutoCloseable {

  public static AwsProxies inFrontOf(URI sqsEndpoint, URI dynamoDbEndpoint) {
    AwsProxy sqs = AwsProxy.start(AwsService.SQS, sqsEndpoint);
    try {
      return new AwsProxies(sqs, AwsProxy.start(AwsService.DYNAMODB, dynamoDbEndpoint));
    } catch (RuntimeException e) {
      sqs.close();
      throw e;
    }
  }

  public void roundTrip(Duration roundTrip) {
    sqs.roundTrip(roundTrip);
    dynamoDb.roundTrip(roundTrip);
  }

  public void blackHole(BlackHole mode) {
    sqs.blackHole(mode);
    dynamoDb.blackHole(mode);
  }

  public void endBlackHole() {
    sqs.endBlackHole();
    dynamoDb.endBlackHole();
  }

  public void resetTraffic() {
    sqs.resetTraffic();
    dynamoDb.resetTraffic();
  }

  @Override
  public void close() {
    try {
      sqs.close();
    } finally {
      dynamoDb.close();
    }
  }
}
