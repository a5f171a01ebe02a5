package io.printrelay.function.submit;

import static io.printrelay.function.submit.LabelRules.present;

import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.submit.SubmitRequest.LabelInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code data} labels of one request: its template, parsed once, and each label's values. */
final class DataLabels {
  private final TemplateRenderer template;

  private DataLabels(TemplateRenderer template) {
    this.template = template;
  }

  /**
   * Reports a missing or broken template once, not once per label, and a command it may not send
   * (the rendered labels are checked again, as sent).
   */
  static DataLabels of(
      JsonNode template, List<LabelInput> labels, LabelCommands commands, FieldErrors errors) {
    boolean used = false;
    for (LabelInput label : labels) {
      used |= label != null && present(label.data()) != null;
    }
    if (!used) {
      return new DataLabels(null);
    }
    if (template == null || !template.isString()) {
      errors.add(
          "template",
          template == null ? "is required when labels have data" : "must be a string of ZPL");
      return new DataLabels(null);
    }
    if (!commands.allow(template.getStringValue(), "template", "", errors)) {
      return new DataLabels(null);
    }
    try {
      return new DataLabels(TemplateRenderer.parse(template.getStringValue()));
    } catch (IllegalArgumentException invalid) {
      errors.add("template", invalid.getMessage());
      return new DataLabels(null);
    }
  }

  /** The rendered label, or null after reporting why it cannot be rendered. */
  byte[] render(JsonNode data, String path, FieldErrors errors) {
    if (template == null) {
      return null;
    }
    if (!data.isObject()) {
      errors.add(path, "must be an object of values for the template's placeholders");
      return null;
    }
    Map<String, String> values = new HashMap<>();
    boolean complete = true;
    for (String name : template.placeholders()) {
      JsonNode value = present(data.get(name));
      if (value == null) {
        errors.add(path, "missing value for {{" + name + "}}");
        complete = false;
      } else if (!(value.isString() || value.isNumber() || value.isBoolean())) {
        errors.add(path + "." + name, "must be a string, number or boolean");
        complete = false;
      } else if (value.isNumber() && !finite(value.getNumberValue())) {
        errors.add(
            path + "." + name, "is a number too large to print as written; send it as a string");
        complete = false;
      } else {
        values.put(name, text(value));
      }
    }
    return complete ? template.render(values).getBytes(StandardCharsets.UTF_8) : null;
  }

  // JSON has no bound on numbers, but the parser reads 1e400 as an infinite double.
  private static boolean finite(Number number) {
    return !(number instanceof Double d && d.isInfinite()
        || number instanceof Float f && f.isInfinite());
  }

  /** Numbers print as written in plain notation: 2 stays "2", 1.50 becomes "1.5", never 1E+1. */
  static String text(JsonNode value) {
    if (value.isString()) {
      return value.getStringValue();
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.getBooleanValue());
    }
    Number number = value.getNumberValue();
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof BigInteger
        || number instanceof Short
        || number instanceof Byte) {
      return number.toString();
    }
    BigDecimal decimal = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
    return decimal.stripTrailingZeros().toPlainString();
  }
}
