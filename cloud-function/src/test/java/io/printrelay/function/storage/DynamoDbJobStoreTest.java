package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.intake.JobStore;
import io.printrelay.function.intake.JobStoreContract;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.Job;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.JobTable;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbJobStoreTest extends JobStoreContract {
  private static final Sandbox SANDBOX = EmbeddedSandbox.newSandbox();
  private final JobStore store =
      new DynamoDbJobStore(
          SANDBOX.dynamoDb(), new PrintrelaySettings(SANDBOX.table(), "unused", null, null));

  @Override
  protected JobStore store() {
    return store;
  }

  @Override
  protected void registerPrinter(String printerId) {
    SANDBOX.registerPrinter(printerId);
  }

  @Override
  protected int labelCount(String jobId) {
    return SANDBOX
        .dynamoDb()
        .query(
            b ->
                b.tableName(SANDBOX.table())
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(ItemKeys.jobPk(jobId)))))
        .items()
        .stream()
        .filter(item -> item.get(JobTable.SK).s().startsWith(JobTable.LABEL_SK_PREFIX))
        .toList()
        .size();
  }

  @Override
  protected Optional<Job> stored(String jobId) {
    return Optional.ofNullable(SANDBOX.item(jobId))
        .filter(item -> !item.isEmpty())
        .map(ItemMapper::job);
  }
}
