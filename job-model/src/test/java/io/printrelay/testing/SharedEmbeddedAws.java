package io.printrelay.testing;

import io.printrelay.embedded.EmbeddedAws;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueProvisioner;
import io.printrelay.queue.QueueUrls;
import io.printrelay.table.TableProvisioner;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One ElasticMQ and one DynamoDB Local per test JVM (they take seconds to start), shared by every
 * test class; each test gets its own table and queue prefix, so tests never see each other's data.
 */
public final class SharedEmbeddedAws {
  private static EmbeddedAws aws;

  private SharedEmbeddedAws() {}

  public static synchronized EmbeddedAws get() {
    if (aws == null) {
      aws = EmbeddedAws.startInMemory();
      Runtime.getRuntime().addShutdownHook(new Thread(aws::close));
    }
    return aws;
  }

  /** A fresh, provisioned table and set of queues on the shared embedded servers. */
  public static Sandbox newSandbox() {
    EmbeddedAws embedded = get();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String table = "printrelay-" + suffix;
    QueueNames names = new QueueNames("printrelay-" + suffix);
    DynamoDbClient dynamoDb = embedded.dynamoDbClient();
    SqsClient sqs = embedded.sqsClient();
    TableProvisioner.createIfAbsent(dynamoDb, table);
    QueueUrls urls = QueueProvisioner.createIfAbsent(sqs, names);
    return new Sandbox(embedded, table, names, urls, dynamoDb, sqs);
  }

  /** One test's table and queues, with clients to reach them. */
  public record Sandbox(
      EmbeddedAws aws,
      String table,
      QueueNames queueNames,
      QueueUrls queueUrls,
      DynamoDbClient dynamoDb,
      SqsClient sqs) {}
}
