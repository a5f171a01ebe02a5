package io.printrelay.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueProvisioner;
import io.printrelay.queue.QueueUrls;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.JobTable;
import io.printrelay.table.JobUpdates;
import io.printrelay.table.TableProvisioner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queue and table behaviour Printrelay relies on, asserted against a real wire protocol:
 * ElasticMQ + DynamoDB Local always, LocalStack when a Docker engine is present. If an emulator
 * ever drifts from SQS/DynamoDB on one of these rules, this is where it shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AwsContractTest {
  private String table;
  private QueueUrls queues;
  private QueueNames names;

  protected abstract SqsClient sqs();

  protected abstract DynamoDbClient dynamoDb();

  @BeforeAll
  void provision() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    table = "contract-" + suffix;
    names = new QueueNames("contract-" + suffix);
    TableProvisioner.createIfAbsent(dynamoDb(), table);
    queues = QueueProvisioner.createIfAbsent(sqs(), names);
  }

  @Test
  void aPrintersMessagesComeInOrderAndOnlyOneAtATimeWhileOtherPrintersFlow() {
    String queue = queues.of(Priority.LOW);
    send(queue, "a1", "printer-a", 1);
    send(queue, "a2", "printer-a", 1);
    send(queue, "b1", "printer-b", 1);

    Message first = receiveOne(queue);
    Message second = receiveOne(queue);

    assertThat(jobId(first)).isEqualTo("a1");
    assertThat(jobId(second)).as("a2 waits while a1 is in flight").isEqualTo("b1");
    assertThat(receiveOne(queue)).as("both groups are blocked").isNull();

    delete(queue, first);
    assertThat(jobId(receiveOne(queue))).isEqualTo("a2");
  }

  @Test
  void aRetriedSendIsDroppedButADeliberateResendIsNot() {
    String queue = queues.of(Priority.NORMAL);
    send(queue, "j1", "printer-c", 1);
    send(queue, "j1", "printer-c", 1);
    send(queue, "j1", "printer-c", 2);

    Message first = receiveOne(queue);
    delete(queue, first);
    Message second = receiveOne(queue);
    delete(queue, second);

    assertThat(JobMessages.parse(first.body()).dispatch()).isEqualTo(1);
    assertThat(JobMessages.parse(second.body()).dispatch()).isEqualTo(2);
    assertThat(receiveOne(queue)).isNull();
  }

  @Test
  void aReleasedMessageComesBackAtOnceAndATooOftenReceivedOneIsParked() {
    String queue = queues.of(Priority.HIGH);
    send(queue, "j2", "printer-d", 1);

    for (int i = 0; i < QueueProvisioner.MAX_RECEIVE_COUNT; i++) {
      Message message = receiveOne(queue);
      assertThat(message).as("receive %d", i + 1).isNotNull();
      sqs()
          .changeMessageVisibility(
              b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
    }

    assertThat(receiveOne(queue)).as("moved to the dead-letter queue").isNull();
    String dlq =
        sqs().getQueueUrl(b -> b.queueName(names.deadLetterQueue(Priority.HIGH))).queueUrl();
    assertThat(jobId(receiveOne(dlq))).isEqualTo("j2");
  }

  @Test
  void aJobIsStoredOnceAndAStatusWriteNeedsTheStatusItExpects() {
    Job job =
        Job.accepted(
            "job-" + UUID.randomUUID(), "printer-e", Priority.NORMAL, null, 3, null, Instant.now());
    putNew(job);
    assertThatThrownBy(() -> putNew(job)).isInstanceOf(ConditionalCheckFailedException.class);

    assertThatThrownBy(() -> apply(job.jobId(), JobEvent.COMPLETE))
        .isInstanceOf(ConditionalCheckFailedException.class);
    apply(job.jobId(), JobEvent.START);

    Map<String, AttributeValue> item =
        dynamoDb()
            .getItem(b -> b.tableName(table).key(ItemKeys.job(job.jobId())).consistentRead(true))
            .item();
    assertThat(ItemMapper.job(item).status()).isEqualTo(JobStatus.PRINTING);
  }

  @Test
  void theActiveIndexListsAPrintersUnfinishedJobsInQueueOrder() {
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    Job older =
        Job.accepted("older-" + UUID.randomUUID(), "printer-f", Priority.LOW, null, 1, null, t0);
    Job newer =
        Job.accepted(
            "newer-" + UUID.randomUUID(),
            "printer-f",
            Priority.LOW,
            null,
            1,
            null,
            t0.plusMillis(5));
    Job finished =
        Job.accepted(
                "done-" + UUID.randomUUID(),
                "printer-f",
                Priority.LOW,
                null,
                1,
                null,
                t0.minusSeconds(1))
            .withStatus(JobStatus.CANCELLED);
    List.of(newer, finished, older).forEach(this::putNew);

    List<String> active =
        dynamoDb()
            .query(
                b ->
                    b.tableName(table)
                        .indexName(JobTable.ACTIVE_INDEX)
                        .keyConditionExpression("#p = :p")
                        .expressionAttributeNames(Map.of("#p", JobTable.ACTIVE_PRINTER_ID))
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("printer-f"))))
            .items()
            .stream()
            .map(item -> item.get(JobTable.JOB_ID).s())
            .toList();

    assertThat(active).containsExactly(older.jobId(), newer.jobId());
  }

  private void putNew(Job job) {
    dynamoDb()
        .putItem(
            b ->
                b.tableName(table)
                    .item(ItemMapper.jobItem(job))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", JobTable.PK)));
  }

  private void apply(String jobId, JobEvent event) {
    dynamoDb().updateItem(JobUpdates.apply(jobId, event, Instant.now()).request(table));
  }

  private void send(String queue, String jobId, String printerId, int dispatch) {
    sqs()
        .sendMessage(
            JobMessages.sendRequest(
                queue, new JobMessage(jobId, printerId, Priority.NORMAL, dispatch)));
  }

  private Message receiveOne(String queue) {
    List<Message> messages =
        sqs()
            .receiveMessage(
                b ->
                    b.queueUrl(queue)
                        .maxNumberOfMessages(1)
                        .waitTimeSeconds(0)
                        .visibilityTimeout(30)
                        .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID))
            .messages();
    return messages.isEmpty() ? null : messages.get(0);
  }

  private void delete(String queue, Message message) {
    sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
  }

  private static String jobId(Message message) {
    return message == null ? null : JobMessages.parse(message.body()).jobId();
  }

  @SuppressWarnings("unused")
  private int approximateMessages(String queue) {
    return Integer.parseInt(
        sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(queue)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }
}
