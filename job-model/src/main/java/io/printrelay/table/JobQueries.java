package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import io.printrelay.model.ActiveJob;
import io.printrelay.model.JobStatus;
import io.printrelay.model.ListPosition;
import io.printrelay.model.Priority;
import io.printrelay.model.QueuePlace;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads of job, label and idempotency items and of the job indexes, as requests for a caller's
 * client, with the mapping of what they answer: callers never name an attribute or an index. Index
 * reads are eventually consistent: they order and count, they never decide a write.
 */
public final class JobQueries {
  private static final String JOB_PK_PREFIX = ItemKeys.jobPk("");
  // Everything of a label but its content: a 500-label job would otherwise read up to 32 MB.
  private static final List<String> LABEL_STATE =
      List.of(
          JOB_ID,
          INDEX,
          STATUS,
          UNCERTAIN,
          ATTEMPTS,
          ERROR,
          PRINTED_AT,
          SOURCE_JOB_ID,
          SOURCE_INDEX);

  private JobQueries() {}

  /** One job item, strongly consistent: decisions are taken on what it says. */
  public static GetItemRequest job(String table, String jobId) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(ItemKeys.job(jobId))
        .consistentRead(true)
        .build();
  }

  /**
   * Positions of jobs newest first ({@link ListPosition#NEWEST_FIRST}, as the index sorts): one
   * printer's ({@code byPrinter}), or every job's ({@code byCreated}) when {@code printerId} is
   * null, starting after {@code after} (null: from the newest). Up to {@code limit}; map items, and
   * a page's last evaluated key, with {@link #listPosition}.
   */
  public static QueryRequest newest(String table, String printerId, ListPosition after, int limit) {
    Placeholders p = new Placeholders();
    String keyCondition =
        printerId == null
            ? p.name(ALL_JOBS) + " = " + p.value(ItemMapper.s(ALL_JOBS_VALUE))
            : p.name(PRINTER_ID) + " = " + p.value(ItemMapper.s(printerId));
    return QueryRequest.builder()
        .tableName(table)
        .indexName(printerId == null ? BY_CREATED_INDEX : BY_PRINTER_INDEX)
        .keyConditionExpression(keyCondition)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values())
        .scanIndexForward(false)
        .exclusiveStartKey(after == null ? null : startKey(printerId, after))
        .limit(limit)
        .build();
  }

  /** A job's place in lists, from a {@code byCreated} or {@code byPrinter} item or page key. */
  public static ListPosition listPosition(Map<String, AttributeValue> item) {
    String createdKey = item.get(CREATED_KEY).s();
    int split = createdKey.indexOf('#');
    return new ListPosition(
        Instant.parse(createdKey.substring(0, split)), createdKey.substring(split + 1));
  }

  // An index page's start key: the index's keys and the table's. It is a place in the index's
  // order, so the item it names need not exist any more.
  private static Map<String, AttributeValue> startKey(String printerId, ListPosition after) {
    Map<String, AttributeValue> key = new HashMap<>(ItemKeys.job(after.jobId()));
    key.put(CREATED_KEY, ItemMapper.s(ItemKeys.timeKey(after.createdAt(), after.jobId())));
    if (printerId == null) {
      key.put(ALL_JOBS, ItemMapper.s(ALL_JOBS_VALUE));
    } else {
      key.put(PRINTER_ID, ItemMapper.s(printerId));
    }
    return key;
  }

  /** The id of the job an item of the table or of a job index belongs to, from its key. */
  public static String jobId(Map<String, AttributeValue> item) {
    return item.get(PK).s().substring(JOB_PK_PREFIX.length());
  }

  /** The printer's jobs that are not final ({@code active}); map items with {@link #activeJob}. */
  public static QueryRequest active(String table, String printerId) {
    Placeholders p = new Placeholders();
    String keyCondition = p.name(ACTIVE_PRINTER_ID) + " = " + p.value(ItemMapper.s(printerId));
    return QueryRequest.builder()
        .tableName(table)
        .indexName(ACTIVE_INDEX)
        .keyConditionExpression(keyCondition)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values())
        .build();
  }

  /**
   * An {@code active} index item as the job's place in its printer's queue; empty for an item that
   * is not a whole job entry. The index projects no {@code enqueuedAt}: its queue key, {@link
   * ItemKeys#timeKey}, starts with it.
   */
  public static Optional<ActiveJob> activeJob(Map<String, AttributeValue> item) {
    Optional<JobStatus> status = JobStatus.parse(text(item, STATUS));
    Optional<Priority> priority = Priority.parse(text(item, PRIORITY));
    String queueKey = text(item, QUEUE_KEY);
    if (status.isEmpty() || priority.isEmpty() || queueKey == null || !item.containsKey(JOB_ID)) {
      return Optional.empty();
    }
    Instant enqueuedAt = Instant.parse(queueKey.substring(0, queueKey.indexOf('#')));
    String jobId = text(item, JOB_ID);
    return Optional.of(
        new ActiveJob(jobId, status.get(), new QueuePlace(priority.get(), enqueuedAt, jobId)));
  }

  /**
   * Jobs created before {@code createdBefore} whose message is not confirmed sent ({@code
   * undispatched}); map items with {@link #jobId}.
   */
  public static QueryRequest undispatched(String table, Instant createdBefore) {
    Placeholders p = new Placeholders();
    // createdKey is "<instant>#<jobId>": every key of an earlier instant sorts below the bare
    // instant.
    String keyCondition =
        p.name(UNDISPATCHED)
            + " = "
            + p.value(ItemMapper.s(UNDISPATCHED_VALUE))
            + " AND "
            + p.name(CREATED_KEY)
            + " < "
            + p.value(ItemMapper.instantValue(createdBefore));
    return QueryRequest.builder()
        .tableName(table)
        .indexName(UNDISPATCHED_INDEX)
        .keyConditionExpression(keyCondition)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values())
        .build();
  }

  /**
   * A job's labels in index order, strongly consistent, without their content; map each item with
   * {@link ItemMapper#label} and {@link ItemMapper#labelSource}.
   */
  public static QueryRequest labelStates(String table, String jobId) {
    Placeholders p = new Placeholders();
    String keyCondition =
        p.name(PK)
            + " = "
            + p.value(ItemMapper.s(ItemKeys.jobPk(jobId)))
            + " AND begins_with("
            + p.name(SK)
            + ", "
            + p.value(ItemMapper.s(LABEL_SK_PREFIX))
            + ")";
    String projection = String.join(", ", LABEL_STATE.stream().map(p::name).toList());
    return QueryRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .keyConditionExpression(keyCondition)
        .projectionExpression(projection)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values())
        .build();
  }

  /** The claim of a caller's idempotency key; its job with {@link IdempotencyItems#jobId}. */
  public static GetItemRequest idempotency(String table, String scope, String key) {
    return GetItemRequest.builder()
        .tableName(table)
        .key(ItemKeys.idempotency(scope, key))
        .consistentRead(true)
        .build();
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
