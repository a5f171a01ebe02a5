package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the table for `printrelay local` and the tests. In AWS the CDK stack creates the same
 * table (infra module); both follow {@link JobTable}.
 */
public final class TableProvisioner {
  private TableProvisioner() {}

  public static void createIfAbsent(DynamoDbClient dynamoDb, String tableName) {
    try {
      dynamoDb.describeTable(b -> b.tableName(tableName));
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
                  .attributeDefinitions(
                      string(PK),
                      string(SK),
                      string(ALL_JOBS),
                      string(CREATED_KEY),
                      string(PRINTER_ID),
                      string(ACTIVE_PRINTER_ID),
                      string(QUEUE_KEY),
                      string(UNDISPATCHED))
                  .globalSecondaryIndexes(
                      index(BY_CREATED_INDEX, ALL_JOBS, CREATED_KEY, keysOnly()),
                      index(BY_PRINTER_INDEX, PRINTER_ID, CREATED_KEY, keysOnly()),
                      index(ACTIVE_INDEX, ACTIVE_PRINTER_ID, QUEUE_KEY, activeProjection()),
                      index(UNDISPATCHED_INDEX, UNDISPATCHED, CREATED_KEY, keysOnly())));
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

  private static Projection activeProjection() {
    return Projection.builder()
        .projectionType(ProjectionType.INCLUDE)
        .nonKeyAttributes(List.of(JOB_ID, STATUS, PRIORITY))
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
