package io.printrelay.table;

import static io.printrelay.table.ItemMapper.instantValue;
import static io.printrelay.table.ItemMapper.n;
import static io.printrelay.table.ItemMapper.s;
import static io.printrelay.table.JobTable.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * What the sweep's count of labels printed remembers from one run to the next, in one item:
 *
 * <pre>
 *   label tally   pk SWEEP   sk LABEL_TALLY
 *                 counted (map: jobId to the printed count already counted), until, version
 * </pre>
 *
 * {@code until} is where the last run's read of the {@code finished} index stopped. A new tally
 * replaces the item only if its {@code version} is still the one read (absent: no item yet), so two
 * runs that overlap never both count the same labels.
 */
public final class LabelTallyItems {
  public static final String TYPE_LABEL_TALLY = "labelTally";
  public static final String COUNTED = "counted";
  public static final String UNTIL = "until";
  public static final String VERSION = "version";

  private static final Map<String, AttributeValue> KEY =
      Map.of(PK, s("SWEEP"), SK, s("LABEL_TALLY"));

  private LabelTallyItems() {}

  /**
   * @param version 1 for the first write, one more for each after; 0 for no item yet
   */
  public record Tally(Map<String, Integer> counted, Instant until, long version) {
    public Tally {
      counted = Map.copyOf(counted);
    }
  }

  public static GetItemRequest read(String table) {
    return GetItemRequest.builder().tableName(table).key(KEY).consistentRead(true).build();
  }

  /** The tally an item holds; empty for no item. */
  public static Optional<Tally> tally(Map<String, AttributeValue> item) {
    if (item == null || !item.containsKey(VERSION)) {
      return Optional.empty();
    }
    Map<String, Integer> counted = new HashMap<>();
    item.get(COUNTED)
        .m()
        .forEach((jobId, printed) -> counted.put(jobId, Integer.valueOf(printed.n())));
    return Optional.of(
        new Tally(
            counted, Instant.parse(item.get(UNTIL).s()), Long.parseLong(item.get(VERSION).n())));
  }

  /** The new tally, if the item is still at {@code expectedVersion} (0: there is no item). */
  public static ItemUpdate replace(
      long expectedVersion, Map<String, Integer> counted, Instant until) {
    Map<String, AttributeValue> map = new HashMap<>();
    counted.forEach((jobId, printed) -> map.put(jobId, n(printed)));
    return ItemUpdate.of(KEY)
        .set(TYPE, s(TYPE_LABEL_TALLY))
        .set(COUNTED, AttributeValue.fromM(map))
        .set(UNTIL, instantValue(until))
        .set(VERSION, n(expectedVersion + 1))
        .when(
            expectedVersion == 0
                ? Condition.notExists(PK)
                : Condition.equalTo(VERSION, n(expectedVersion)));
  }
}
