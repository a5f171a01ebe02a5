package io.printrelay.local.awsproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Priority;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Traffic through the proxy: counted per operation, delayed as asked, passed on unchanged. */
class AwsProxyTrafficTest {
  private static final Sandbox sandbox = SharedEmbeddedAws.newSandbox();
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
  }

  @Test
  void countsEachDynamoDbOperationAndSumsTheWriteUnitsTheEmulatorReports() {
    AwsProxy proxy = open(AwsProxy.start(AwsService.DYNAMODB, sandbox.aws().dynamoDbEndpoint()));
    DynamoDbClient proxied = open(ProxiedClients.dynamoDb(proxy.endpoint()));
    Writes direct = new Writes(sandbox.dynamoDb(), sandbox.table(), ReturnConsumedCapacity.TOTAL);

    PutItemResponse put = new Writes(proxied, sandbox.table(), null).run("proxied");
    direct.run("directly");

    Traffic traffic = proxy.traffic();
    assertThat(traffic.requests())
        .isEqualTo(
            Map.of(
                "PutItem",
                1L,
                "UpdateItem",
                1L,
                "GetItem",
                1L,
                "TransactWriteItems",
                1L,
                "DeleteItem",
                1L));
    assertThat(traffic.writeUnits())
        .as("the units DynamoDB Local reports for the same writes")
        .isEqualTo(direct.units())
        .isPositive();
    assertThat(put.consumedCapacity())
        .as("the field the proxy asked for, parsed by the SDK")
        .isNotNull();
    assertThat(traffic.unanswered()).isZero();
  }

  @Test
  void countsSqsOperationsWhoseAnswersReachTheClient() {
    AwsProxy proxy = open(AwsProxy.start(AwsService.SQS, sandbox.aws().sqsEndpoint()));
    SqsClient proxied = open(ProxiedClients.sqs(proxy.endpoint()));
    String queue = sandbox.queueUrls().of(Priority.LOW);

    proxied.sendMessage(
        b ->
            b.queueUrl(queue)
                .messageBody("hello")
                .messageGroupId("printer-1")
                .messageDeduplicationId("proxy-test-1"));
    List<Message> messages =
        proxied.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)).messages();
    proxied.deleteMessage(b -> b.queueUrl(queue).receiptHandle(messages.get(0).receiptHandle()));

    assertThat(messages).extracting(Message::body).containsExactly("hello");
    assertThat(proxy.traffic().requests())
        .isEqualTo(Map.of("SendMessage", 1L, "ReceiveMessage", 1L, "DeleteMessage", 1L));
    assertThat(proxy.traffic().writeUnits()).isZero();
  }

  @Test
  void addsTheRoundTripTimeHalfBeforeForwardingAndHalfBeforeAnswering() {
    RecordingUpstream upstream = open(new RecordingUpstream());
    AwsProxy proxy = open(AwsProxy.start(AwsService.DYNAMODB, upstream.endpoint()));
    DynamoDbClient proxied = open(ProxiedClients.dynamoDb(proxy.endpoint()));
    proxy.roundTrip(Duration.ofMillis(400));

    long sent = System.nanoTime();
    proxied.listTables();
    long answered = System.nanoTime();

    long arrived = upstream.received().get(0).atNanos();
    assertThat(Duration.ofNanos(arrived - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(Duration.ofNanos(answered - arrived)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(Duration.ofNanos(answered - sent)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void passesHostAndSignatureHeadersOnAsTheSdkSignedThem() {
    RecordingUpstream upstream = open(new RecordingUpstream());
    AwsProxy proxy = open(AwsProxy.start(AwsService.DYNAMODB, upstream.endpoint()));
    AtomicReference<SdkHttpRequest> signed = new AtomicReference<>();
    ExecutionInterceptor capture =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes a) {
            signed.set(context.httpRequest());
          }
        };
    DynamoDbClient proxied = open(ProxiedClients.dynamoDb(proxy.endpoint(), capture));

    proxied.listTables();

    RecordingUpstream.Received received = upstream.received().get(0);
    assertThat(received.header("Host")).isEqualTo(proxy.endpoint().getAuthority());
    for (String name : List.of("Authorization", "X-Amz-Date", "X-Amz-Target")) {
      assertThat(received.header(name))
          .as(name)
          .isNotBlank()
          .isEqualTo(signed.get().firstMatchingHeader(name).orElseThrow());
    }
    assertThat(received.header("Authorization")).contains("SignedHeaders=").contains("host");
  }

  @Test
  void joinsAChunkedBodyAndForwardsItWhole() throws Exception {
    RecordingUpstream upstream = open(new RecordingUpstream());
    AwsProxy proxy = open(AwsProxy.start(AwsService.SQS, upstream.endpoint()));
    byte[] body =
        "{\"QueueUrl\":\"q\",\"MessageBody\":\""
            .concat("x".repeat(100_000))
            .concat("\"}")
            .getBytes(StandardCharsets.UTF_8);

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonSQS.SendMessage")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    RecordingUpstream.Received received = upstream.received().get(0);
    assertThat(received.body()).isEqualTo(body);
    assertThat(received.header("Transfer-Encoding")).isNull();
    assertThat(received.header("Content-Length")).isEqualTo(Integer.toString(body.length));
    assertThat(proxy.traffic().requests()).isEqualTo(Map.of("SendMessage", 1L));
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  /**
   * One of each write, plus a read, on keys of the same length so that two runs size alike; keeps
   * the capacity each answer reports.
   */
  private static final class Writes {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ReturnConsumedCapacity capacity;
    private final List<ConsumedCapacity> consumed = new ArrayList<>();

    Writes(DynamoDbClient dynamoDb, String table, ReturnConsumedCapacity capacity) {
      this.dynamoDb = dynamoDb;
      this.table = table;
      this.capacity = capacity;
    }

    PutItemResponse run(String who) {
      Map<String, AttributeValue> first = key(who + "-1");
      Map<String, AttributeValue> second = key(who + "-2");
      PutItemResponse put =
          dynamoDb.putItem(b -> b.tableName(table).item(first).returnConsumedCapacity(capacity));
      consumed.add(put.consumedCapacity());
      consumed.add(
          dynamoDb
              .updateItem(
                  b ->
                      b.tableName(table)
                          .key(first)
                          .updateExpression("SET n = :one")
                          .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                          .returnConsumedCapacity(capacity))
              .consumedCapacity());
      dynamoDb.getItem(b -> b.tableName(table).key(first));
      consumed.addAll(
          dynamoDb
              .transactWriteItems(
                  b ->
                      b.returnConsumedCapacity(capacity)
                          .transactItems(
                              TransactWriteItem.builder()
                                  .put(p -> p.tableName(table).item(second))
                                  .build(),
                              TransactWriteItem.builder()
                                  .update(
                                      u ->
                                          u.tableName(table)
                                              .key(first)
                                              .updateExpression("SET n = :two")
                                              .expressionAttributeValues(
                                                  Map.of(":two", AttributeValue.fromN("2"))))
                                  .build()))
              .consumedCapacity());
      consumed.add(
          dynamoDb
              .deleteItem(b -> b.tableName(table).key(second).returnConsumedCapacity(capacity))
              .consumedCapacity());
      return put;
    }

    double units() {
      return consumed.stream().mapToDouble(ConsumedCapacity::capacityUnits).sum();
    }

    private static Map<String, AttributeValue> key(String id) {
      return Map.of("pk", AttributeValue.fromS("PROXY#" + id), "sk", AttributeValue.fromS("ITEM"));
    }
  }
}
