package io.printrelay.table;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The placeholders of one DynamoDB request. Attribute names always go through {@code #name}
 * (several, like {@code status}, are reserved words) and values through numbered {@code :vN}, so
 * two parts of one expression never collide and only placeholders in use are sent (DynamoDB refuses
 * unused ones).
 */
final class Placeholders {
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();

  String name(String attribute) {
    String placeholder = "#" + attribute;
    names.put(placeholder, attribute);
    return placeholder;
  }

  String value(AttributeValue value) {
    String placeholder = ":v" + values.size();
    values.put(placeholder, value);
    return placeholder;
  }

  /** Null when empty: DynamoDB rejects an empty map. */
  Map<String, String> names() {
    return names.isEmpty() ? null : Map.copyOf(names);
  }

  /** Null when empty: DynamoDB rejects an empty map. */
  Map<String, AttributeValue> values() {
    return values.isEmpty() ? null : Map.copyOf(values);
  }
}
