package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates the table for `printrelay local` and the tests. In AWS the CDK stack creates the same
 * table (infra module); both follow {@link JobTable}.
 */
public final class TableProvisioner {
  private static final List<AttributeDefinition> ATTRIBUTES =
      List.of(
          string(PK),
          string(SK),
          string(ALL_JOBS),
          string(CREATED_KEY),
          string(PRINTER_ID),
          string(ACTIVE_PRINTER_ID),
          string(QUEUE_KEY),
          string(UNDISPATCHED),
          string(FINISHED),
          string(FINISHED_KEY));

  private static final List<GlobalSecondaryIndex> INDEXES =
      List.of(
          index(BY_CREATED_INDEX, ALL_JOBS, CREATED_KEY, keysOnly()),
          index(BY_PRINTER_INDEX, PRINTER_ID, CREATED_KEY, keysOnly()),
          index(ACTIVE_INDEX, ACTIVE_PRINTER_ID, QUEUE_KEY, include(JOB_ID, STATUS, PRIORITY)),
          index(UNDISPATCHED_INDEX, UNDISPATCHED, CREATED_KEY, keysOnly()),
          index(FINISHED_INDEX, FINISHED, FINISHED_KEY, include(TOTAL)));

  private static final Duration INDEX_CREATION_LIMIT = Duration.ofMinutes(2);
  private static final Duration INDEX_POLL = Duration.ofMillis(100);

  private TableProvisioner() {}

  public static void createIfAbsent(DynamoDbClient dynamoDb, String tableName) {
    try {
      TableDescription existing = dynamoDb.describeTable(b -> b.tableName(tableName)).table();
      addMissingIndexes(dynamoDb, existing);
      return;
    } catch (ResourceNotFoundException absent) {
      // create below
    }
    try {
      dynamoDb.createTable(
          b ->
              b.tableName(tableName)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                  .attributeDefinitions(ATTRIBUTES)
                  .globalSecondaryIndexes(INDEXES));
    } catch (ResourceInUseException createdMeanwhile) {
      // another process created it first
    }
    dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    try {
      dynamoDb.updateTimeToLive(
          b ->
              b.tableName(tableName)
                  .timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
    } catch (RuntimeException alreadyEnabled) {
      // TTL is a convenience locally; the CDK stack sets it in AWS.
    }
  }

  /**
   * A table kept from an earlier version (`printrelay local --data-dir`) gets the indexes added
   * since, one at a time as DynamoDB requires; its items enter them as they are next written.
   */
  private static void addMissingIndexes(DynamoDbClient dynamoDb, TableDescription table) {
    Set<String> present =
        table.globalSecondaryIndexes().stream()
            .map(GlobalSecondaryIndexDescription::indexName)
            .collect(Collectors.toSet());
    for (GlobalSecondaryIndex index : INDEXES) {
      if (present.contains(index.indexName())) {
        continue;
      }
      GlobalSecondaryIndexUpdate create =
          GlobalSecondaryIndexUpdate.builder()
              .create(
                  c ->
                      c.indexName(index.indexName())
                          .keySchema(index.keySchema())
                          .projection(index.projection()))
              .build();
      dynamoDb.updateTable(
          b ->
              b.tableName(table.tableName())
                  .attributeDefinitions(ATTRIBUTES)
                  .globalSecondaryIndexUpdates(List.of(create)));
      awaitActive(dynamoDb, table.tableName(), index.indexName());
    }
  }

  // DynamoDB creates one index at a time; the next may start once this one is active. No waiter
  // of the SDK watches an index.
  private static void awaitActive(DynamoDbClient dynamoDb, String tableName, String indexName) {
    long deadline = System.nanoTime() + INDEX_CREATION_LIMIT.toNanos();
    while (!indexActive(dynamoDb, tableName, indexName)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "index "
                + indexName
                + " of "
                + tableName
                + " not active after "
                + INDEX_CREATION_LIMIT);
      }
      try {
        Thread.sleep(INDEX_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating index " + indexName, e);
      }
    }
  }

  private static boolean indexActive(DynamoDbClient dynamoDb, String tableName, String indexName) {
    return dynamoDb
        .describeTable(b -> b.tableName(tableName))
        .table()
        .globalSecondaryIndexes()
        .stream()
        .anyMatch(
            index ->
                index.indexName().equals(indexName) && index.indexStatus() == IndexStatus.ACTIVE);
  }

  private static GlobalSecondaryIndex index(
      String name, String hash, String range, Projection projection) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE))
        .projection(projection)
        .build();
  }

  private static Projection keysOnly() {
    return Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
  }

  private static Projection include(String... attributes) {
    return Projection.builder()
        .projectionType(ProjectionType.INCLUDE)
        .nonKeyAttributes(List.of(attributes))
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }
}
