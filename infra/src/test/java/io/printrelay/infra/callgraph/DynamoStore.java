package io.printrelay.infra.callgraph;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The adapter: a paginator inside a lambda. */
public final class DynamoStore implements Store {
  private final DynamoDbClient db;

  public DynamoStore(DynamoDbClient db) {
    this.db = db;
  }

  @Override
  public int count(String printerId) {
    return (int)
        db.queryPaginator(b -> b.tableName("t").indexName("byPrinter")).items().stream().count();
  }
}
