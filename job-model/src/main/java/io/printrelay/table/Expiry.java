package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import io.printrelay.model.FinishedJob;
import io.printrelay.model.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * How jobs and their labels leave the table: the one home of the retention rule. A job is kept
 * {@link #RETENTION} after it finished (completed, failed or cancelled), then DynamoDB TTL deletes
 * it ({@code expiresAt}). An unfinished job has no expiry, however long it waits or stays paused.
 *
 * <p>Labels carry no TTL. Giving them one at the finish would be an UpdateItem on every label in
 * the agent's and the operator's final writes. Instead the final write also puts the job in the
 * sparse {@code finished} index (by finish time, projecting its total), and the label expiry (run
 * with the dispatch sweep, every minute in AWS) asks it for jobs finished over {@link #RETENTION}
 * ago, deletes their labels 1..total, then takes each job out of the index, leaving it to its own
 * TTL.
 *
 * <p>Cost: DynamoDB charges a delete by the size of the item deleted, like a write (one write unit
 * per KB: a 64 KiB label costs 64), and TTL deletes nothing for free but items it finds expired. So
 * removing labels costs about what storing them once did, whether by a TTL written on each label at
 * the finish or by a delete later. This design pays it off the print path, 25 labels per
 * BatchWriteItem, retried each minute until done, and keeps the finish one write of one small item.
 * Finding the work is one Query a minute on an index holding a few bytes per finished job. The
 * label expiry must run before TTL deletes the job (TTL takes hours to days; the expiry runs each
 * minute): if it stops for longer, the labels of jobs deleted meanwhile are left, read by nothing.
 */
public final class Expiry {
  /** Finished jobs, and their labels, stay this long after the finish. */
  public static final Duration RETENTION = Duration.ofDays(30);

  private Expiry() {}

  /** When a job finished at {@code finishedAt} expires, in TTL's epoch seconds. */
  public static long expiresAt(Instant finishedAt) {
    return finishedAt.plus(RETENTION).getEpochSecond();
  }

  /** Part of a move to a final status: the job expires, and its labels await the expiry. */
  static ItemUpdate finish(ItemUpdate update, String jobId, Instant finishedAt) {
    return update
        .set(EXPIRES_AT, ItemMapper.n(expiresAt(finishedAt)))
        .set(FINISHED, ItemMapper.s(FINISHED_VALUE))
        .set(FINISHED_KEY, ItemMapper.s(ItemKeys.timeKey(finishedAt, jobId)));
  }

  /**
   * Part of a move to an unfinished status: no expiry (one left by a version that counted it from
   * the creation is taken away).
   */
  static ItemUpdate unfinished(ItemUpdate update) {
    return update.remove(EXPIRES_AT);
  }

  /** The same attributes on a whole job item, as {@link #finish} leaves them. */
  static void putFinished(Map<String, AttributeValue> item, Job job) {
    if (job.status().isFinal() && job.finishedAt() != null) {
      item.put(EXPIRES_AT, ItemMapper.n(expiresAt(job.finishedAt())));
      item.put(FINISHED, ItemMapper.s(FINISHED_VALUE));
      item.put(FINISHED_KEY, ItemMapper.s(ItemKeys.timeKey(job.finishedAt(), job.jobId())));
    }
  }

  /**
   * Up to {@code limit} jobs finished more than {@link #RETENTION} before {@code now} whose labels
   * are still stored, oldest first; map items with {@link #finishedJob}.
   */
  public static QueryRequest labelsDue(String table, Instant now, int limit) {
    Placeholders p = new Placeholders();
    // finishedKey is "<instant>#<jobId>": every key of an earlier instant sorts below the bare one.
    String range = " < " + p.value(ItemMapper.instantValue(now.minus(RETENTION)));
    return finishedIndex(table, p, range).scanIndexForward(true).limit(limit).build();
  }

  /**
   * Jobs that finished after {@code after} and no later than {@code until}, while the index keeps
   * them ({@link #RETENTION}); map items with {@link JobQueries#jobId}.
   */
  public static QueryRequest finishedBetween(String table, Instant after, Instant until) {
    Placeholders p = new Placeholders();
    // finishedKey is "<instant>#<jobId>": "<instant>~" sorts above every key of that instant ("~"
    // above "#") and below every key of a later one.
    String range =
        " BETWEEN "
            + p.value(ItemMapper.s(ItemKeys.instant(after) + "~"))
            + " AND "
            + p.value(ItemMapper.s(ItemKeys.instant(until) + "~"));
    return finishedIndex(table, p, range).build();
  }

  /** A query of the {@code finished} index whose finish keys meet {@code range}. */
  private static QueryRequest.Builder finishedIndex(String table, Placeholders p, String range) {
    String keyCondition =
        p.name(FINISHED)
            + " = "
            + p.value(ItemMapper.s(FINISHED_VALUE))
            + " AND "
            + p.name(FINISHED_KEY)
            + range;
    return QueryRequest.builder()
        .tableName(table)
        .indexName(FINISHED_INDEX)
        .keyConditionExpression(keyCondition)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values());
  }

  public static FinishedJob finishedJob(Map<String, AttributeValue> item) {
    AttributeValue total = item.get(TOTAL);
    return new FinishedJob(JobQueries.jobId(item), total == null ? 0 : Integer.parseInt(total.n()));
  }

  /** The keys of the job's labels, 1..total. */
  public static List<Map<String, AttributeValue>> labelKeys(FinishedJob job) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>(job.total());
    for (int index = 1; index <= job.total(); index++) {
      keys.add(ItemKeys.label(job.jobId(), index));
    }
    return keys;
  }

  /**
   * Takes a job whose labels are deleted out of the {@code finished} index; its TTL deletes it.
   * Creates no item for a job TTL deleted meanwhile.
   */
  public static ItemUpdate labelsDeleted(String jobId) {
    return ItemUpdate.of(ItemKeys.job(jobId))
        .remove(FINISHED, FINISHED_KEY)
        .when(Condition.exists(PK));
  }
}
