package io.printrelay.infra;

import static io.printrelay.infra.SynthesizedStack.TABLE;
import static io.printrelay.infra.SynthesizedStack.logicalId;
import static io.printrelay.infra.SynthesizedStack.properties;
import static io.printrelay.infra.SynthesizedStack.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table layout the function and agent depend on (io.printrelay.table.JobTable). */
class JobTableTest {

  @Test
  void tableHasStringPkAndSkOnDemandBillingRecoveryAndTtl() {
    template().resourceCountIs("AWS::DynamoDB::Table", 1);
    template()
        .hasResourceProperties(
            "AWS::DynamoDB::Table",
            Map.of(
                "TableName", TABLE,
                "KeySchema", List.of(key("pk", "HASH"), key("sk", "RANGE")),
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
  }

  @Test
  void tableOutlivesTheStack() {
    template()
        .hasResource(
            "AWS::DynamoDB::Table",
            Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
  }

  @Test
  void everyKeyAttributeIsAString() {
    assertThat(tableProperty("AttributeDefinitions"))
        .containsExactlyInAnyOrderElementsOf(
            List.of(
                    "pk",
                    "sk",
                    "allJobs",
                    "createdKey",
                    "printerId",
                    "activePrinterId",
                    "queueKey",
                    "undispatched",
                    "finished",
                    "finishedKey")
                .stream()
                .map(name -> Map.of("AttributeName", name, "AttributeType", "S"))
                .toList());
  }

  @Test
  void fiveIndexesWithExactNamesKeysAndProjections() {
    assertThat(tableProperty("GlobalSecondaryIndexes"))
        .containsExactlyInAnyOrder(
            index("byCreated", "allJobs", "createdKey", Map.of("ProjectionType", "KEYS_ONLY")),
            index("byPrinter", "printerId", "createdKey", Map.of("ProjectionType", "KEYS_ONLY")),
            index(
                "active",
                "activePrinterId",
                "queueKey",
                Map.of(
                    "ProjectionType",
                    "INCLUDE",
                    "NonKeyAttributes",
                    List.of("jobId", "status", "priority"))),
            index(
                "undispatched",
                "undispatched",
                "createdKey",
                Map.of("ProjectionType", "KEYS_ONLY")),
            index(
                "finished",
                "finished",
                "finishedKey",
                Map.of("ProjectionType", "INCLUDE", "NonKeyAttributes", List.of("total"))));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> tableProperty(String name) {
    String table = logicalId("AWS::DynamoDB::Table", Map.of("TableName", TABLE));
    return (List<Object>) properties(table).get(name);
  }

  private static Map<String, Object> index(
      String name, String hash, String range, Map<String, Object> projection) {
    return Map.of(
        "IndexName", name,
        "KeySchema", List.of(key(hash, "HASH"), key(range, "RANGE")),
        "Projection", projection);
  }

  private static Map<String, String> key(String attribute, String type) {
    return Map.of("AttributeName", attribute, "KeyType", type);
  }
}
