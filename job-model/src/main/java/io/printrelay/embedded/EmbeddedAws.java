package io.printrelay.embedded;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
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
 */
public final class EmbeddedAws implements AutoCloseable {
  public static final Region REGION = AwsClientSetup.EMULATOR_REGION;

  private final SQSRestServer sqsServer;
  private final DynamoDBProxyServer dynamoDbServer;
  private final URI sqsEndpoint;
  private final URI dynamoDbEndpoint;
  private final List<AutoCloseable> clients = new ArrayList<>();

  private EmbeddedAws(
      SQSRestServer sqsServer, int sqsPort, DynamoDBProxyServer dynamoDbServer, int dynamoDbPort) {
    this.sqsServer = sqsServer;
    this.dynamoDbServer = dynamoDbServer;
    this.sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
    this.dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynamoDbPort);
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
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(sqs)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", sqs, ""))
            .withAWSRegion(REGION.id())
            .start();
    sqsServer.waitUntilStarted();
    try {
      DynamoDBProxyServer dynamoDbServer =
          ServerRunner.createServerFromCommandLineArgs(dynamoDbArgs(dataDir, dynamo));
      dynamoDbServer.start();
      return new EmbeddedAws(sqsServer, sqs, dynamoDbServer, dynamo);
    } catch (Exception e) {
      sqsServer.stopAndWait();
      throw new IllegalStateException("DynamoDB Local did not start on port " + dynamo, e);
    }
  }

  private static String[] dynamoDbArgs(Path dataDir, int port) {
    List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb"));
    if (dataDir == null) {
      args.add("-inMemory");
    } else {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      args.addAll(List.of("-dbPath", dataDir.toString()));
    }
    args.add("-disableTelemetry");
    return args.toArray(String[]::new);
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

  private synchronized <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>,
          C extends SdkAutoCloseable> C client(B builder, URI endpoint) {
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
      dynamoDbServer.stop();
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
