package io.printrelay.infra.callgraph;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Transaction items built in one place, committed in another; not every builder is used. */
public final class Writes {
  private Writes() {}

  public static TransactWriteItem update() {
    return TransactWriteItem.builder().update(u -> u.tableName("t")).build();
  }

  public static TransactWriteItem check() {
    return TransactWriteItem.builder().conditionCheck(c -> c.tableName("t")).build();
  }

  /** Built by nobody the entry reaches: its PutItem must not count. */
  public static TransactWriteItem put() {
    return TransactWriteItem.builder().put(p -> p.tableName("t")).build();
  }

  public static void commit(DynamoDbClient db, TransactWriteItem... items) {
    db.transactWriteItems(b -> b.transactItems(items));
  }
}
