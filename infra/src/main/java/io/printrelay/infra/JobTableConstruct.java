package io.printrelay.infra;

import static io.printrelay.table.JobTable.*;

import io.printrelay.table.JobTable;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The one DynamoDB table holding jobs, labels, printers and idempotency records. Key and index
 * names come from {@link JobTable}, the layout the function and the agent read and write through
 * (the local table is made by {@code TableProvisioner} from the same names); the infra tests pin
 * them as literals so an unnoticed rename fails the build. Every index is sparse: an item is
 * indexed only while it carries the index's keys.
 */
public final class JobTableConstruct extends Construct {
  private final Table table;

  public JobTableConstruct(Construct scope, String id, String tableName) {
    super(scope, id);
    table =
        Table.Builder.create(this, "Table")
            .tableName(tableName)
            .partitionKey(string(PK))
            .sortKey(string(SK))
            // Print traffic comes in bursts around production runs; nothing to provision between
            // them.
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            // Idempotency records, and jobs 30 days after they finished, expire; DynamoDB deletes
            // them within days after. Labels carry no TTL: the label expiry deletes them (see
            // io.printrelay.table.Expiry).
            .timeToLiveAttribute(EXPIRES_AT)
            // Job history outlives the stack: `cdk destroy` leaves the table for the operator to
            // delete.
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    // All jobs, newest first (GET /v1/jobs).
    keysOnly(BY_CREATED_INDEX, ALL_JOBS);
    // One printer's jobs, newest first (GET /v1/jobs?printerId=).
    keysOnly(BY_PRINTER_INDEX, PRINTER_ID);
    // Unfinished jobs per printer in queue order: enough to compute queuePosition without a read
    // of every job item.
    table.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(ACTIVE_INDEX)
            .partitionKey(string(ACTIVE_PRINTER_ID))
            .sortKey(string(QUEUE_KEY))
            .projectionType(ProjectionType.INCLUDE)
            .nonKeyAttributes(List.of(JOB_ID, STATUS, PRIORITY))
            .build());
    // Jobs stored but not confirmed enqueued: what the dispatch sweep re-sends.
    keysOnly(UNDISPATCHED_INDEX, UNDISPATCHED);
    // Finished jobs whose labels are still stored, by finish time, with their label count: what
    // the label expiry deletes once they finished 30 days ago. Added after the first release:
    // CloudFormation adds one index per stack update, so it comes alone.
    table.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(FINISHED_INDEX)
            .partitionKey(string(FINISHED))
            .sortKey(string(FINISHED_KEY))
            .projectionType(ProjectionType.INCLUDE)
            .nonKeyAttributes(List.of(TOTAL))
            .build());
  }

  public ITable table() {
    return table;
  }

  private void keysOnly(String indexName, String partitionKey) {
    table.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(indexName)
            .partitionKey(string(partitionKey))
            .sortKey(string(CREATED_KEY))
            .projectionType(ProjectionType.KEYS_ONLY)
            .build());
  }

  private static Attribute string(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }
}
