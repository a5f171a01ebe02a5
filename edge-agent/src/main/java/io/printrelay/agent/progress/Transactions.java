package io.printrelay.agent.progress;

import io.printrelay.model.Label;
import io.printrelay.table.Backoff;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemUpdate;
import io.printrelay.table.PrinterItems;
import io.printrelay.table.ProgressUpdates;
import io.printrelay.table.ProgressUpdates.LabelChange;
import io.printrelay.table.Transact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The label transactions. Each is all-or-nothing across the printer, job and label items; {@link
 * Transact} tells which item refused and runs a transaction that met a concurrent write again.
 */
final class Transactions {
  private static final Logger log = LoggerFactory.getLogger(Transactions.class);
  // Positions of the actions in startLabel's transaction.
  private static final int PRINTER = 0;
  private static final int JOB = 1;
  // Positions in a label change's transaction.
  private static final int CHANGED_LABEL = 0;
  private static final int CHANGED_JOB = 1;

  /** DynamoDB's limit on actions in one transaction. */
  static final int MAX_ITEMS = 100;

  private final DynamoDbClient dynamoDb;
  private final String table;

  Transactions(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  LabelStart startLabel(String printerId, String jobId, int index) {
    Transact.Outcome outcome =
        Transact.write(
            dynamoDb,
            List.of(
                ItemUpdate.check(table, ItemKeys.printer(printerId), PrinterItems.notPaused()),
                ProgressUpdates.labelInFlight(jobId, index).transactItem(table),
                ProgressUpdates.labelAttempt(jobId, index).transactItem(table)),
            Backoff.DYNAMODB);
    // A job that stopped wins over a paused printer: a cancel must not wait for the printer.
    if (outcome.refused(JOB)) {
      return LabelStart.JOB_NOT_PRINTING;
    }
    if (outcome.refused(PRINTER)) {
      return LabelStart.PRINTER_PAUSED;
    }
    return outcome.committed() ? LabelStart.STARTED : LabelStart.LABEL_NOT_PENDING;
  }

  /**
   * Journaled label states, and the job's counters when given (last, so a refused label leaves the
   * job as it was). Returns the labels refused; the job refusing means it is gone.
   */
  Set<Integer> record(String jobId, List<Label> labels, ItemUpdate job) {
    List<TransactWriteItem> actions = new ArrayList<>();
    labels.forEach(label -> actions.add(ProgressUpdates.labelSynced(label).transactItem(table)));
    if (job != null) {
      actions.add(job.transactItem(table));
    }
    if (actions.isEmpty()) {
      return Set.of();
    }
    Transact.Outcome outcome = Transact.write(dynamoDb, actions, Backoff.DYNAMODB);
    if (job != null && outcome.refused(labels.size())) {
      throw new ProgressConflict(jobId, "stored");
    }
    Set<Integer> refused = new HashSet<>();
    for (int i = 0; i < labels.size(); i++) {
      if (outcome.refused(i)) {
        log.atWarn()
            .addKeyValue("event", "label.not_written")
            .addKeyValue("job", jobId)
            .addKeyValue("label", labels.get(i).index())
            .addKeyValue("journal", labels.get(i).status().wireName())
            .log(
                "the label was recorded otherwise in the table; the journal's state is not written");
        refused.add(labels.get(i).index());
      }
    }
    return refused;
  }

  /**
   * Moves a pending label on and updates its job's counters with it. A label that is no longer
   * pending was recorded already (the write is not repeated); a missing job is a conflict.
   */
  void labelAndJob(String jobId, int index, LabelChange change) {
    Transact.Outcome outcome =
        Transact.write(
            dynamoDb,
            List.of(change.label().transactItem(table), change.job().transactItem(table)),
            Backoff.DYNAMODB);
    if (outcome.refused(CHANGED_JOB)) {
      throw new ProgressConflict(jobId, "stored");
    }
    if (outcome.refused(CHANGED_LABEL)) {
      log.atDebug()
          .addKeyValue("event", "label.not_pending")
          .addKeyValue("job", jobId)
          .addKeyValue("label", index)
          .log("the label is no longer pending; left as it is");
    }
  }
}
