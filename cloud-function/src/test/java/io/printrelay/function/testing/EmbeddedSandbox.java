package io.printrelay.function.testing;

import io.printrelay.embedded.EmbeddedAws;
import io.printrelay.function.security.ApiKeyRegistry;
import io.printrelay.function.security.PasswordHashes;
import io.printrelay.model.Job;
import io.printrelay.model.Label;
import io.printrelay.model.Printer;
import io.printrelay.model.PrinterState;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueUrls;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.JobTable;
import io.printrelay.table.PrinterItems;
import io.printrelay.testing.Jobs;
import io.printrelay.testing.SharedEmbeddedAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A fresh table and queues per test class on job-model's shared embedded SQS and DynamoDB ({@link
 * SharedEmbeddedAws}), with the API properties and checks the function's tests use.
 */
public final class EmbeddedSandbox {
  public static final String INTEGRATION_KEY = "test-integration-key";
  public static final String VIEWER_KEY = "test-viewer-key";
  public static final String OPERATOR_KEY = "test-operator-key";

  /** An integration key with capabilities printer-config and raw; INTEGRATION_KEY has none. */
  public static final String INSTALLER_KEY = "test-installer-key";

  /** Signs in with role operator; {@link #VIEWER} with role viewer. Same password for both. */
  public static final String OPERATOR = "operator";

  public static final String VIEWER = "viewer";
  public static final String PASSWORD = "correct horse battery staple";

  // PBKDF2 at 210 000 iterations takes a good tenth of a second: hash once per test JVM.
  private static final String PASSWORD_HASH = PasswordHashes.hash(PASSWORD);

  private EmbeddedSandbox() {}

  public static EmbeddedAws aws() {
    return SharedEmbeddedAws.get();
  }

  public static Sandbox newSandbox() {
    SharedEmbeddedAws.Sandbox shared = SharedEmbeddedAws.newSandbox();
    return new Sandbox(
        shared.aws(),
        shared.table(),
        shared.queueNames(),
        shared.queueUrls(),
        shared.dynamoDb(),
        shared.sqs());
  }

  /** One test class's table and queues, with clients and checks. */
  public record Sandbox(
      EmbeddedAws aws,
      String table,
      QueueNames queueNames,
      QueueUrls queueUrls,
      DynamoDbClient dynamoDb,
      SqsClient sqs) {

    /** The API's properties for this sandbox: an integration key and a viewer key. */
    public Map<String, Object> properties() {
      Map<String, Object> properties = new HashMap<>();
      properties.put("printrelay.table", table);
      properties.put("printrelay.queue-prefix", queueNames.prefix());
      properties.put("printrelay.aws.region", "us-east-1");
      properties.put("printrelay.aws.sqs-endpoint", aws.sqsEndpoint().toString());
      properties.put("printrelay.aws.dynamodb-endpoint", aws.dynamoDbEndpoint().toString());
      // The fake Odoo listens on 127.0.0.1 (OutboundAddressesTest checks the default refusal).
      properties.put("printrelay.outbound.allow-private-addresses", true);
      properties.put(
          "printrelay.api-keys",
          List.of(
              Map.of("name", "odoo", "sha256", ApiKeyRegistry.sha256Hex(INTEGRATION_KEY)),
              Map.of(
                  "name",
                  "wall-screen",
                  "sha256",
                  ApiKeyRegistry.sha256Hex(VIEWER_KEY),
                  "roles",
                  List.of("viewer")),
              Map.of(
                  "name",
                  "shift-lead",
                  "sha256",
                  ApiKeyRegistry.sha256Hex(OPERATOR_KEY),
                  "roles",
                  List.of("operator")),
              Map.of(
                  "name",
                  "installer",
                  "sha256",
                  ApiKeyRegistry.sha256Hex(INSTALLER_KEY),
                  "capabilities",
                  List.of("printer-config", "raw"))));
      properties.put(
          "printrelay.operators",
          List.of(
              Map.of("username", OPERATOR, "password-hash", PASSWORD_HASH, "role", "operator"),
              Map.of("username", VIEWER, "password-hash", PASSWORD_HASH, "role", "viewer")));
      return properties;
    }

    /** Writes the job and its labels as a submit and the agent would leave them. */
    public Job store(Jobs job) {
      return job.storeIn(dynamoDb, table);
    }

    /** Registers the printer as its agent would, with an operator's pause if it has one. */
    public Printer store(Printers printer) {
      Printer built = printer.build();
      put(built);
      return built;
    }

    /** The job as stored now. */
    public Job job(String jobId) {
      return ItemMapper.job(item(jobId));
    }

    /** The job's item as stored now, every attribute. */
    public Map<String, AttributeValue> item(String jobId) {
      return dynamoDb
          .getItem(b -> b.tableName(table).key(ItemKeys.job(jobId)).consistentRead(true))
          .item();
    }

    public void put(Label label) {
      dynamoDb.putItem(b -> b.tableName(table).item(ItemMapper.labelItem(label)));
    }

    public void put(Printer printer) {
      dynamoDb.updateItem(
          PrinterItems.report(
                  printer.printerId(),
                  printer.host(),
                  printer.port(),
                  printer.agentId(),
                  printer.state(),
                  printer.detail(),
                  printer.currentJobId(),
                  printer.lastSeen())
              .request(table));
      if (printer.paused()) {
        dynamoDb.updateItem(PrinterItems.setPaused(printer.printerId(), true).request(table));
      }
    }

    public Printer printer(String printerId) {
      return ItemMapper.printer(
          dynamoDb
              .getItem(
                  b -> b.tableName(table).key(ItemKeys.printer(printerId)).consistentRead(true))
              .item());
    }

    /** The messages waiting in one queue, taken off it. */
    public List<JobMessage> takeMessages(Priority priority) {
      return drain(priority).stream().map(m -> JobMessages.parse(m.body())).toList();
    }

    public void registerPrinter(String printerId) {
      Printer printer =
          new Printer(
              printerId,
              "127.0.0.1",
              9100,
              "agent-1",
              Instant.now(),
              PrinterState.READY,
              null,
              null,
              false);
      put(printer);
    }

    /** Items of a type (job, label, idempotency), by a scan: fine for a test-sized table. */
    public long countItems(String type) {
      return dynamoDb
          .scanPaginator(
              b ->
                  b.tableName(table)
                      .filterExpression("#t = :t")
                      .expressionAttributeNames(Map.of("#t", JobTable.TYPE))
                      .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(type))))
          .items()
          .stream()
          .count();
    }

    public int messagesWaiting(Priority priority) {
      return sqs
          .getQueueAttributes(
              b ->
                  b.queueUrl(queueUrls.of(priority))
                      .attributeNames(
                          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
          .attributes()
          .values()
          .stream()
          .mapToInt(Integer::parseInt)
          .sum();
    }

    public int messagesWaiting() {
      int total = 0;
      for (Priority priority : Priority.values()) {
        total += messagesWaiting(priority);
      }
      return total;
    }

    /** Takes every visible message of one queue, with its FIFO attributes. */
    public List<Message> drain(Priority priority) {
      List<Message> all = new ArrayList<>();
      while (true) {
        List<Message> batch =
            sqs.receiveMessage(
                    b ->
                        b.queueUrl(queueUrls.of(priority))
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0)
                            .messageSystemAttributeNames(
                                MessageSystemAttributeName.MESSAGE_GROUP_ID,
                                MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .messages();
        if (batch.isEmpty()) {
          return all;
        }
        all.addAll(batch);
        for (Message message : batch) {
          sqs.deleteMessage(
              b -> b.queueUrl(queueUrls.of(priority)).receiptHandle(message.receiptHandle()));
        }
      }
    }
  }
}
