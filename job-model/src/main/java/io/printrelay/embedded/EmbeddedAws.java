package io.printrelay.embedded;

import io.printrelay.aws.AwsClientSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Real SQS and DynamoDB wire protocols on loopback, in this process: ElasticMQ and DynamoDB Local
 * (shared-db mode, so every client sees the same tables). Used by `printrelay local` and the
 * integration tests; never shipped in the Lambda or agent jars (optional dependencies).
 *
 * <p>Both listen on 127.0.0.1 only, whatever `printrelay local --bind` says: that flag opens the
 * web view to tablets, while the emulators answer anyone without checking credentials and only ever
 * have clients in this process.
 */
public final class EmbeddedAws implements AutoCloseable {
  public static final Region REGION = AwsClientSetup.EMULATOR_REGION;
  private static final String LOOPBACK = "127.0.0.1";

  private final SQSRestServer sqsServer;
  private final DynamoDbLocalServer dynamoDbServer;
  private final URI sqsEndpoint;
  private final URI dynamoDbEndpoint;
  private final List<AutoCloseable> clients = new ArrayList<>();

  private EmbeddedAws(
      SQSRestServer sqsServer, int sqsPort, DynamoDbLocalServer dynamoDbServer, int dynamoDbPort) {
    this.sqsServer = sqsServer;
    this.dynamoDbServer = dynamoDbServer;
    this.sqsEndpoint = URI.create("http://" + LOOPBACK + ":" + sqsPort);
    this.dynamoDbEndpoint = URI.create("http://" + LOOPBACK + ":" + dynamoDbPort);
  }

  /** In memory, on free ports: for tests. */
  public static EmbeddedAws startInMemory() {
    return start(null, 0, 0);
  }

  /**
   * @param dataDir where DynamoDB Local keeps its database; null keeps it in memory
   * @param sqsPort 0 for a free port
   * @param dynamoDbPort 0 for a free port
   */
  public static EmbeddedAws start(Path dataDir, int sqsPort, int dynamoDbPort) {
    int sqs = sqsPort == 0 ? freePort() : sqsPort;
    int dynamo = dynamoDbPort == 0 ? freePort() : dynamoDbPort;
    SQSRestServer sqsServer =
        SQSRestServerBuilder.withInterface(LOOPBACK)
            .withPort(sqs)
            .withServerAddress(new NodeAddress("http", LOOPBACK, sqs, ""))
            .withAWSRegion(REGION.id())
            .start();
    sqsServer.waitUntilStarted();
    try {
      DynamoDbLocalServer dynamoDbServer =
          DynamoDbLocalServer.start(LOOPBACK, dynamo, createDirectories(dataDir));
      return new EmbeddedAws(sqsServer, sqs, dynamoDbServer, dynamo);
    } catch (Exception e) {
      sqsServer.stopAndWait();
      throw new IllegalStateException("DynamoDB Local did not start on port " + dynamo, e);
    }
  }

  private static Path createDirectories(Path dataDir) throws IOException {
    return dataDir == null ? null : Files.createDirectories(dataDir);
  }

  public URI sqsEndpoint() {
    return sqsEndpoint;
  }

  public URI dynamoDbEndpoint() {
    return dynamoDbEndpoint;
  }

  /** A new client to the embedded SQS; closed with this object. */
  public SqsClient sqsClient() {
    return client(SqsClient.builder(), sqsEndpoint);
  }

  /** A new client to the embedded DynamoDB; closed with this object. */
  public DynamoDbClient dynamoDbClient() {
    return client(DynamoDbClient.builder(), dynamoDbEndpoint);
  }

  private synchronized <
          B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable>
      C client(B builder, URI endpoint) {
    C client = AwsClientSetup.configure(builder, endpoint, REGION.id()).build();
    clients.add(client);
    return client;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception ignored) {
        // closing anyway
      }
    }
    try {
      dynamoDbServer.close();
    } catch (Exception ignored) {
      // the process is going away
    }
    sqsServer.stopAndWait();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
