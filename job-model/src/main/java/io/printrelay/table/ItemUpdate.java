package io.printrelay.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One UpdateItem on one item, as a plain request or as a transaction action: the one way the
 * function and the agent write expressions. Every status write carries a {@link Condition}.
 */
public final class ItemUpdate {
  private final Map<String, AttributeValue> key;
  private final List<Function<Placeholders, String>> sets = new ArrayList<>();
  private final List<Function<Placeholders, String>> adds = new ArrayList<>();
  private final List<String> removes = new ArrayList<>();
  private Condition condition;

  private ItemUpdate(Map<String, AttributeValue> key) {
    this.key = Map.copyOf(key);
  }

  public static ItemUpdate of(Map<String, AttributeValue> key) {
    return new ItemUpdate(key);
  }

  public ItemUpdate set(String attribute, AttributeValue value) {
    sets.add(p -> p.name(attribute) + " = " + p.value(value));
    return this;
  }

  /** Sets the attribute, or removes it when {@code value} is null. */
  public ItemUpdate setOrRemove(String attribute, String value) {
    return value == null ? remove(attribute) : set(attribute, AttributeValue.fromS(value));
  }

  /** Keeps a value already there (e.g. the first {@code startedAt}). */
  public ItemUpdate setIfAbsent(String attribute, AttributeValue value) {
    sets.add(
        p ->
            p.name(attribute)
                + " = if_not_exists("
                + p.name(attribute)
                + ", "
                + p.value(value)
                + ")");
    return this;
  }

  /** {@code attribute = source}: e.g. put a job back in its printer's queue index. */
  public ItemUpdate copy(String attribute, String source) {
    sets.add(p -> p.name(attribute) + " = " + p.name(source));
    return this;
  }

  /** Adds to a number (absent counts as 0) and names the sum: usable in a SET with others. */
  public ItemUpdate increment(String attribute, long by) {
    sets.add(
        p ->
            p.name(attribute)
                + " = if_not_exists("
                + p.name(attribute)
                + ", "
                + p.value(ItemMapper.n(0))
                + ") + "
                + p.value(ItemMapper.n(by)));
    return this;
  }

  /** DynamoDB's ADD: to a number, or members to a set. */
  public ItemUpdate add(String attribute, AttributeValue value) {
    adds.add(p -> p.name(attribute) + " " + p.value(value));
    return this;
  }

  public ItemUpdate remove(String... attributes) {
    removes.addAll(List.of(attributes));
    return this;
  }

  /** The write happens only when this holds; a second call requires both. */
  public ItemUpdate when(Condition required) {
    condition = condition == null ? required : condition.and(required);
    return this;
  }

  public UpdateItemRequest request(String table) {
    return request(table, ReturnValue.NONE);
  }

  public UpdateItemRequest request(String table, ReturnValue returnValues) {
    Placeholders p = new Placeholders();
    String update = expression(p);
    String check = condition == null ? null : condition.render(p);
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(key)
        .updateExpression(update)
        .conditionExpression(check)
        .expressionAttributeNames(p.names())
        .expressionAttributeValues(p.values())
        .returnValues(returnValues)
        .build();
  }

  /** As one action of a TransactWriteItems; a refusal returns the item as it was. */
  public TransactWriteItem transactItem(String table) {
    Placeholders p = new Placeholders();
    String update = expression(p);
    String check = condition == null ? null : condition.render(p);
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(key)
                    .updateExpression(update)
                    .conditionExpression(check)
                    .expressionAttributeNames(p.names())
                    .expressionAttributeValues(p.values())
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD))
        .build();
  }

  /** A transaction action that writes nothing: the item must satisfy {@code required}. */
  public static TransactWriteItem check(
      String table, Map<String, AttributeValue> key, Condition required) {
    Placeholders p = new Placeholders();
    String check = required.render(p);
    return TransactWriteItem.builder()
        .conditionCheck(
            c ->
                c.tableName(table)
                    .key(key)
                    .conditionExpression(check)
                    .expressionAttributeNames(p.names())
                    .expressionAttributeValues(p.values()))
        .build();
  }

  /** A transaction action that creates an item only if its key is free. */
  public static TransactWriteItem putIfAbsent(String table, Map<String, AttributeValue> item) {
    Placeholders p = new Placeholders();
    String check = Condition.notExists(JobTable.PK).render(p);
    return TransactWriteItem.builder()
        .put(
            put ->
                put.tableName(table)
                    .item(item)
                    .conditionExpression(check)
                    .expressionAttributeNames(p.names())
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD))
        .build();
  }

  private String expression(Placeholders p) {
    List<String> clauses = new ArrayList<>();
    if (!sets.isEmpty()) {
      clauses.add("SET " + String.join(", ", sets.stream().map(s -> s.apply(p)).toList()));
    }
    if (!adds.isEmpty()) {
      clauses.add("ADD " + String.join(", ", adds.stream().map(a -> a.apply(p)).toList()));
    }
    if (!removes.isEmpty()) {
      clauses.add("REMOVE " + String.join(", ", removes.stream().map(p::name).toList()));
    }
    if (clauses.isEmpty()) {
      throw new IllegalStateException("an update needs at least one action");
    }
    return String.join(" ", clauses);
  }
}
