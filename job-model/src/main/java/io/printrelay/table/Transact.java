package io.printrelay.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactWriteItems that tells which action refused. DynamoDB's cancellation reasons come in
 * action order; a failed condition is an answer (returned), a conflict with a concurrent write to
 * one of the items means the transaction did nothing, so it runs again under {@link Backoff}.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
public final class Transact {
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String CONFLICT = "TransactionConflict";

  private Transact() {}

  /** Committed, or which actions' conditions failed (with the item as it was, where asked). */
  public static Outcome write(DynamoDbClient db, List<TransactWriteItem> actions, Backoff retry) {
    for (int attempt = 1; ; attempt++) {
      try {
        db.transactWriteItems(b -> b.transactItems(actions));
        return new Outcome(Map.of());
      } catch (TransactionCanceledException cancelled) {
        List<CancellationReason> reasons =
            cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        Map<Integer, Map<String, AttributeValue>> refused = new HashMap<>();
        for (int i = 0; i < reasons.size(); i++) {
          if (CONDITION_FAILED.equals(reasons.get(i).code())) {
            Map<String, AttributeValue> item = reasons.get(i).item();
            refused.put(i, item == null ? Map.of() : item);
          }
        }
        if (!refused.isEmpty()) {
          return new Outcome(refused);
        }
        boolean conflict = reasons.stream().anyMatch(r -> CONFLICT.equals(r.code()));
        if (!conflict || retry.exhausted(attempt)) {
          throw cancelled;
        }
        retry.pause(attempt);
      }
    }
  }

  /**
   * @param refused per refused action (by its position), the item as it was when DynamoDB returned
   *     it (empty otherwise)
   */
  public record Outcome(Map<Integer, Map<String, AttributeValue>> refused) {
    public Outcome {
      refused = Map.copyOf(refused);
    }

    public boolean committed() {
      return refused.isEmpty();
    }

    public boolean refused(int action) {
      return refused.containsKey(action);
    }

    public Map<String, AttributeValue> refusedItem(int action) {
      return refused.getOrDefault(action, Map.of());
    }
  }
}
