package io.printrelay.agent.progress;

import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.*;

import io.printrelay.model.JobStatus;
import io.printrelay.model.LabelStatus;
import io.printrelay.table.ItemKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The label transactions. Each is all-or-nothing across the printer, job and label items, and a
 * failed condition names which item refused (DynamoDB's cancellation reasons are in action order).
 */
final class Transactions {
  private static final Logger log = LoggerFactory.getLogger(Transactions.class);
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String CONFLICT = "TransactionConflict";
  private static final int CONFLICT_ATTEMPTS = 4;

  private final DynamoDbClient dynamoDb;
  private final String table;

  Transactions(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  LabelStart startLabel(String printerId, String jobId, int index) {
    Placeholders printer = new Placeholders();
    String paused = printer.name(PAUSED);
    String notPaused = "attribute_not_exists(" + paused + ") OR " + paused + " = "
        + printer.value("false", AttributeValue.fromBool(false));
    Placeholders job = new Placeholders();
    AttributeValue i = n(index);
    String inFlight = "SET " + job.name(CURRENT_LABEL) + " = " + job.value("index", i) + ", "
        + job.name(IN_FLIGHT_LABEL) + " = " + job.value("index", i);
    String printing =
        job.name(STATUS) + " = " + job.value("printing", s(JobStatus.PRINTING.wireName()));
    Placeholders label = new Placeholders();
    String attempt = "ADD " + label.name(ATTEMPTS) + " " + label.value("one", n(1));
    Set<Integer> refused = write(
        check(ItemKeys.printer(printerId), printer, notPaused),
        update(ItemKeys.job(jobId), job, inFlight, printing),
        update(ItemKeys.label(jobId, index), label, attempt, pending(label)));
    // A job that stopped wins over a paused printer: a cancel must not wait for the printer.
    if (refused.contains(1)) {
      return LabelStart.JOB_NOT_PRINTING;
    }
    if (refused.contains(0)) {
      return LabelStart.PRINTER_PAUSED;
    }
    return refused.isEmpty() ? LabelStart.STARTED : LabelStart.LABEL_NOT_PENDING;
  }

  /**
   * Moves a pending label on and updates its job's counters with it. A label that is no longer
   * pending was recorded already (the write is not repeated); a missing job is a conflict.
   */
  void labelAndJob(String jobId, int index, Placeholders label, String labelUpdate,
      Placeholders job, String jobUpdate) {
    String jobExists = "attribute_exists(" + job.name(PK) + ")";
    Set<Integer> refused = write(
        update(ItemKeys.label(jobId, index), label, labelUpdate, pending(label)),
        update(ItemKeys.job(jobId), job, jobUpdate, jobExists));
    if (refused.contains(1)) {
      throw new ProgressConflict(jobId, "stored");
    }
    if (refused.contains(0)) {
      log.debug("label {} of job {} is no longer pending; left as it is", index, jobId);
    }
  }

  private static String pending(Placeholders label) {
    return label.name(STATUS) + " = " + label.value("pending", s(LabelStatus.PENDING.wireName()));
  }

  /** Empty when committed, else the indexes of the actions whose condition failed. */
  private Set<Integer> write(TransactWriteItem... actions) {
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(b -> b.transactItems(actions));
        return Set.of();
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons =
            e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        Set<Integer> refused = new HashSet<>();
        for (int i = 0; i < reasons.size(); i++) {
          if (CONDITION_FAILED.equals(reasons.get(i).code())) {
            refused.add(i);
          }
        }
        if (!refused.isEmpty()) {
          return refused;
        }
        // A concurrent write to one of the items (e.g. the API pausing the job right now): the
        // transaction did nothing, so running it again is safe.
        boolean conflict = reasons.stream().anyMatch(r -> CONFLICT.equals(r.code()));
        if (!conflict || attempt == CONFLICT_ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(25L * attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", interrupted);
    }
  }

  private TransactWriteItem check(
      Map<String, AttributeValue> key, Placeholders p, String condition) {
    return TransactWriteItem.builder()
        .conditionCheck(c -> c.tableName(table).key(key).conditionExpression(condition)
            .expressionAttributeNames(p.names()).expressionAttributeValues(p.values()))
        .build();
  }

  private TransactWriteItem update(
      Map<String, AttributeValue> key, Placeholders p, String update, String condition) {
    return TransactWriteItem.builder()
        .update(u -> u.tableName(table).key(key).updateExpression(update)
            .conditionExpression(condition)
            .expressionAttributeNames(p.names()).expressionAttributeValues(p.values()))
        .build();
  }
}
