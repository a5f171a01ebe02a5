package io.printrelay.table;

import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A DynamoDB condition expression, built from attribute names of {@link JobTable}. */
public final class Condition {
  private final Function<Placeholders, String> render;

  private Condition(Function<Placeholders, String> render) {
    this.render = render;
  }

  public static Condition exists(String attribute) {
    return new Condition(p -> "attribute_exists(" + p.name(attribute) + ")");
  }

  public static Condition notExists(String attribute) {
    return new Condition(p -> "attribute_not_exists(" + p.name(attribute) + ")");
  }

  public static Condition equalTo(String attribute, AttributeValue value) {
    return new Condition(p -> p.name(attribute) + " = " + p.value(value));
  }

  public static Condition lessThan(String attribute, AttributeValue value) {
    return new Condition(p -> p.name(attribute) + " < " + p.value(value));
  }

  public static Condition in(String attribute, List<AttributeValue> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    return new Condition(
        p ->
            p.name(attribute)
                + " IN ("
                + String.join(", ", values.stream().map(p::value).toList())
                + ")");
  }

  /** A boolean attribute absent or false. */
  public static Condition notTrue(String attribute) {
    return notExists(attribute).or(equalTo(attribute, AttributeValue.fromBool(false)));
  }

  /** The job's status is one the event may happen in: the state machine, as a condition. */
  public static Condition allows(JobEvent event) {
    return in(
        JobTable.STATUS,
        event.from().stream()
            .sorted()
            .map(JobStatus::wireName)
            .map(AttributeValue::fromS)
            .toList());
  }

  public Condition and(Condition other) {
    return new Condition(p -> "(" + render.apply(p) + ") AND (" + other.render.apply(p) + ")");
  }

  public Condition or(Condition other) {
    return new Condition(p -> "(" + render.apply(p) + ") OR (" + other.render.apply(p) + ")");
  }

  String render(Placeholders placeholders) {
    return render.apply(placeholders);
  }
}
