package io.printrelay.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.embedded.EmbeddedAws;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The local table, made new or brought up to date (a `printrelay local --data-dir` kept). On an
 * emulator of its own: DynamoDB Local builds an index more slowly the more tables it holds, and the
 * shared one holds every other test's (48 s against 7 s for the five indexes).
 */
class TableProvisionerTest {
  private static EmbeddedAws aws;
  private DynamoDbClient dynamoDb;

  @BeforeAll
  static void startEmulator() {
    aws = EmbeddedAws.startInMemory();
  }

  @AfterAll
  static void stopEmulator() {
    aws.close();
  }

  @BeforeEach
  void connect() {
    dynamoDb = aws.dynamoDbClient();
  }

  @Test
  void aTableFromAnEarlierVersionGetsTheIndexesAddedSince() {
    String table = "printrelay-old-" + UUID.randomUUID().toString().substring(0, 8);
    dynamoDb.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key(JobTable.PK, KeyType.HASH), key(JobTable.SK, KeyType.RANGE))
                .attributeDefinitions(string(JobTable.PK), string(JobTable.SK)));

    TableProvisioner.createIfAbsent(dynamoDb, table);

    assertThat(
            dynamoDb
                .describeTable(b -> b.tableName(table))
                .table()
                .globalSecondaryIndexes()
                .stream()
                .map(GlobalSecondaryIndexDescription::indexName))
        .containsExactlyInAnyOrder(
            JobTable.BY_CREATED_INDEX,
            JobTable.BY_PRINTER_INDEX,
            JobTable.ACTIVE_INDEX,
            JobTable.UNDISPATCHED_INDEX,
            JobTable.FINISHED_INDEX);
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
