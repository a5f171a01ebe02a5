package io.printrelay.agent.progress;

import io.printrelay.table.Backoff;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemUpdate;
import io.printrelay.table.PrinterItems;
import io.printrelay.table.ProgressUpdates;
import io.printrelay.table.ProgressUpdates.LabelChange;
import io.printrelay.table.Transact;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
      log.debug("label {} of job {} is no longer pending; left as it is", index, jobId);
    }
  }
}
