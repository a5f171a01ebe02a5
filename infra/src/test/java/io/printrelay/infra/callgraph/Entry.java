package io.printrelay.infra.callgraph;

import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The root: {@link #start} and what it reaches; {@link #unused} is reached by nothing. */
public final class Entry {
  private final DynamoDbClient db;
  private final SqsClient sqs;

  public Entry(DynamoDbClient db, SqsClient sqs) {
    this.db = db;
    this.sqs = sqs;
  }

  public Supplier<String> start(Store store) {
    store.count("line-1");
    Writes.commit(db, Writes.update(), Writes.check());
    new Thread(new Poller(sqs)).start();
    return this::send;
  }

  private String send() {
    return sqs.sendMessage(b -> b.queueUrl("q")).messageId();
  }

  void unused() {
    db.deleteItem(b -> b.tableName("t"));
    db.close();
  }
}
