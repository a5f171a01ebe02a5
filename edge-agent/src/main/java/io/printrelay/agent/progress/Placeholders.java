package io.printrelay.agent.progress;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The placeholders of one DynamoDB expression. Attribute names always go through {@code #name}
 * (several, like {@code status}, are DynamoDB reserved words) and come from {@code JobTable}
 * constants, so no attribute name is spelled out in an expression.
 */
final class Placeholders {
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();

  /** {@code #attribute}, registered. */
  String name(String attribute) {
    String placeholder = "#" + attribute;
    names.put(placeholder, attribute);
    return placeholder;
  }

  /** {@code :key}, registered with its value. */
  String value(String key, AttributeValue value) {
    String placeholder = ":" + key;
    values.put(placeholder, value);
    return placeholder;
  }

  Map<String, String> names() {
    return names.isEmpty() ? null : Map.copyOf(names);
  }

  /** Null when empty: DynamoDB rejects an empty value map. */
  Map<String, AttributeValue> values() {
    return values.isEmpty() ? null : Map.copyOf(values);
  }
}
