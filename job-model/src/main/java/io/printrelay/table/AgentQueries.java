package io.printrelay.table;

import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.*;

import io.printrelay.model.JobStatus;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The agent's queries, as requests; the items they return are read with {@link ItemMapper}. */
public final class AgentQueries {
  private AgentQueries() {}

  /**
   * A job's labels in index order (their sort keys are zero-padded), read consistently. Page
   * through it with {@code queryPaginator}: a big job's labels never sit in memory at once.
   */
  public static QueryRequest labels(String table, String jobId) {
    Placeholders p = new Placeholders();
    String key =
        p.name(PK)
            + " = "
            + p.value(s(ItemKeys.jobPk(jobId)))
            + " AND begins_with("
            + p.name(SK)
            + ", "
            + p.value(s(LABEL_SK_PREFIX))
            + ")";
    return QueryRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .keyConditionExpression(key)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values())
        .build();
  }

  /**
   * The printer's jobs still {@code printing}, from its queue index: at start, the jobs an agent
   * left unfinished. The index is eventually consistent; a job started just now may be missing,
   * which is harmless at start. Each item's job id: {@link #jobId}.
   */
  public static QueryRequest printing(String table, String printerId) {
    Placeholders p = new Placeholders();
    String key = p.name(ACTIVE_PRINTER_ID) + " = " + p.value(s(printerId));
    String filter = Condition.equalTo(STATUS, s(JobStatus.PRINTING.wireName())).render(p);
    return QueryRequest.builder()
        .tableName(table)
        .indexName(ACTIVE_INDEX)
        .keyConditionExpression(key)
        .filterExpression(filter)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values())
        .build();
  }

  /**
   * The job's label reservation alone ({@link JobTable#RESERVED_THROUGH}), read consistently: an
   * agent taking over a job without a journal of it learns how far its last agent may have printed.
   */
  public static GetItemRequest reservation(String table, String jobId) {
    Placeholders p = new Placeholders();
    return GetItemRequest.builder()
        .tableName(table)
        .key(ItemKeys.job(jobId))
        .consistentRead(true)
        .projectionExpression(p.name(RESERVED_THROUGH))
        .expressionAttributeNames(p.names())
        .build();
  }

  /** The reservation in an item {@link #reservation} returned; null when there is none. */
  public static Integer reservedThrough(Map<String, AttributeValue> item) {
    AttributeValue value = item == null ? null : item.get(RESERVED_THROUGH);
    return value == null ? null : Integer.valueOf(value.n());
  }

  /** The job id of an item {@link #printing} returned. */
  public static String jobId(Map<String, AttributeValue> item) {
    return item.get(JOB_ID).s();
  }
}
