package io.printrelay.function.storage;

import static io.printrelay.table.JobTable.*;

import io.printrelay.function.jobs.LabelState;
import io.printrelay.function.submit.LabelSource;
import io.printrelay.function.submit.NewLabel;
import io.printrelay.model.Label;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Label items: job-model's {@link ItemMapper} layout plus where a copied label came from (the
 * source attributes are additive; agents ignore them).
 */
final class LabelItems {
  // Everything of a label but its content: a 500-label job would otherwise read up to 32 MB.
  private static final List<String> STATE = List.of(
      JOB_ID, INDEX, STATUS, UNCERTAIN, ATTEMPTS, ERROR, PRINTED_AT, SOURCE_JOB_ID, SOURCE_INDEX);

  private LabelItems() {}

  static Map<String, AttributeValue> item(NewLabel label, Instant jobCreatedAt) {
    Map<String, AttributeValue> item = ItemMapper.labelItem(label.label(), jobCreatedAt);
    if (label.source() != null) {
      item.put(SOURCE_JOB_ID, AttributeValue.fromS(label.source().jobId()));
      item.put(SOURCE_INDEX, ItemMapper.n(label.source().index()));
    }
    return item;
  }

  /** The job's labels in index order, without their content. */
  static List<LabelState> states(DynamoDbClient db, String table, String jobId) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#sk", SK));
    List<String> projection = new ArrayList<>();
    for (int i = 0; i < STATE.size(); i++) {
      names.put("#a" + i, STATE.get(i));
      projection.add("#a" + i);
    }
    return db.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :labels)")
            .projectionExpression(String.join(", ", projection))
            .expressionAttributeNames(names)
            .expressionAttributeValues(Map.of(
                ":pk", AttributeValue.fromS(ItemKeys.jobPk(jobId)),
                ":labels", AttributeValue.fromS(LABEL_SK_PREFIX))))
        .items().stream()
        .map(item -> new LabelState(ItemMapper.label(item), source(item)))
        .toList();
  }

  /**
   * These labels of the job with their content, in the order asked (an index asked twice comes
   * twice); indexes with no label are left out. At most 100 distinct labels of 64 KiB per
   * BatchGetItem call, well under its 16 MB answer limit.
   */
  static List<Label> withContent(DynamoDbClient db, String table, String jobId,
      List<Integer> indexes) {
    List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(indexes));
    Map<Integer, Label> found = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += BatchGets.MAX_KEYS) {
      List<Map<String, AttributeValue>> keys = distinct
          .subList(from, Math.min(from + BatchGets.MAX_KEYS, distinct.size())).stream()
          .map(index -> ItemKeys.label(jobId, index)).toList();
      for (Map<String, AttributeValue> item : BatchGets.get(db, table, keys)) {
        Label label = ItemMapper.label(item);
        found.put(label.index(), label);
      }
    }
    return indexes.stream().filter(found::containsKey).map(found::get).toList();
  }

  private static LabelSource source(Map<String, AttributeValue> item) {
    AttributeValue job = item.get(SOURCE_JOB_ID);
    AttributeValue index = item.get(SOURCE_INDEX);
    return job == null || index == null
        ? null
        : new LabelSource(job.s(), Integer.parseInt(index.n()));
  }
}
