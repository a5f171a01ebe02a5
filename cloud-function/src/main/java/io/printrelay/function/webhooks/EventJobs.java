package io.printrelay.function.webhooks;

import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.intake.NewLabel;
import io.printrelay.function.submit.SubmitRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The submits a webhook's body makes under a profile: the printer, the quantity and each label's
 * values taken from the body's fields, split into jobs of at most {@value NewLabel#MAX_PER_JOB}
 * labels, in order. Every missing or unusable field is named at once, so one change in the Odoo
 * rule fixes them all.
 */
final class EventJobs {
  private static final int MAX_REFERENCE = 128;

  private EventJobs() {}

  /** The submits, or why there are none. */
  sealed interface Outcome permits Jobs, Refused {}

  record Jobs(List<SubmitRequest> submits) implements Outcome {}

  record Refused(String reason) implements Outcome {}

  static Outcome of(ProfileSettings settings, JsonNode body, String model, long recordId) {
    List<String> problems = new ArrayList<>();
    String printerId = printer(settings.printer(), body, problems);
    int quantity = quantity(settings.quantity(), body, problems);
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : settings.fields().entrySet()) {
      String source = entry.getValue();
      if (!ProfileRules.LABEL_NUMBER.equals(source) && !ProfileRules.LABEL_COUNT.equals(source)) {
        JsonNode value = field(body, source, problems);
        if (value != null) {
          values.put(entry.getKey(), value);
        }
      }
    }
    String reference = model + "/" + recordId;
    if (settings.reference() != null) {
      JsonNode value = field(body, settings.reference(), problems);
      if (value != null && !text(value).isEmpty()) {
        reference = text(value);
      }
    }
    if (!problems.isEmpty()) {
      return new Refused(String.join("; ", new LinkedHashSet<>(problems)) + available(body));
    }
    if (quantity < 1) {
      return new Refused("the quantity is " + quantity + ": nothing to print");
    }
    if (quantity > ProfileRules.MAX_LABELS) {
      return new Refused(
          "the quantity is "
              + quantity
              + ", more than the "
              + ProfileRules.MAX_LABELS
              + " labels one event may print");
    }
    return new Jobs(split(settings, printerId, quantity, values, reference));
  }

  private static List<SubmitRequest> split(
      ProfileSettings settings,
      String printerId,
      int quantity,
      Map<String, JsonNode> values,
      String reference) {
    int parts = (quantity + NewLabel.MAX_PER_JOB - 1) / NewLabel.MAX_PER_JOB;
    List<SubmitRequest> submits = new ArrayList<>(parts);
    for (int part = 0; part < parts; part++) {
      int first = part * NewLabel.MAX_PER_JOB + 1;
      int last = Math.min(quantity, first + NewLabel.MAX_PER_JOB - 1);
      List<JsonNode> labels = new ArrayList<>(last - first + 1);
      for (int n = first; n <= last; n++) {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : settings.fields().entrySet()) {
          String source = entry.getValue();
          if (ProfileRules.LABEL_NUMBER.equals(source)) {
            data.put(entry.getKey(), JsonNode.createNumberNode(n));
          } else if (ProfileRules.LABEL_COUNT.equals(source)) {
            data.put(entry.getKey(), JsonNode.createNumberNode(quantity));
          } else {
            data.put(entry.getKey(), values.get(entry.getKey()));
          }
        }
        labels.add(JsonNode.createObjectNode(Map.of("data", JsonNode.createObjectNode(data))));
      }
      String suffix = parts == 1 ? "" : " (" + (part + 1) + "/" + parts + ")";
      String partReference =
          reference.length() + suffix.length() > MAX_REFERENCE
              ? reference.substring(0, MAX_REFERENCE - suffix.length()) + suffix
              : reference + suffix;
      submits.add(
          new SubmitRequest(
              JsonNode.createStringNode(printerId),
              settings.priority() == null ? null : JsonNode.createStringNode(settings.priority()),
              JsonNode.createStringNode(partReference),
              JsonNode.createStringNode(settings.template()),
              JsonNode.createArrayNode(labels),
              null));
    }
    return submits;
  }

  private static String printer(
      ProfileSettings.PrinterRule rule, JsonNode body, List<String> problems) {
    if (rule.printerId() != null) {
      return rule.printerId();
    }
    JsonNode value = body.get(rule.field());
    if (value == null) {
      problems.add(missing(rule.field()));
      return null;
    }
    String key = value.isNumber() || value.isString() ? text(value) : null;
    String printerId = key == null ? null : rule.map().get(key);
    if (printerId == null) {
      problems.add(rule.field() + " is " + shown(value) + ", which the profile maps to no printer");
    }
    return printerId;
  }

  private static int quantity(
      ProfileSettings.QuantityRule rule, JsonNode body, List<String> problems) {
    if (rule.fixed() != null) {
      return rule.fixed();
    }
    JsonNode value = body.get(rule.field());
    if (value == null) {
      problems.add(missing(rule.field()));
      return 0;
    }
    BigDecimal number;
    try {
      number =
          value.isNumber()
              ? new BigDecimal(value.getNumberValue().toString())
              : value.isString() ? new BigDecimal(value.getStringValue().strip()) : null;
    } catch (NumberFormatException notANumber) {
      number = null;
    }
    if (number == null) {
      problems.add(rule.field() + " is " + shown(value) + ", not a number");
      return 0;
    }
    BigDecimal rounded =
        number.setScale(
            0,
            switch (rule.rounding()) {
              case "up" -> RoundingMode.CEILING;
              case "down" -> RoundingMode.FLOOR;
              default -> RoundingMode.HALF_UP;
            });
    // Past the cap it only needs to say "too many".
    return rounded.compareTo(BigDecimal.valueOf(ProfileRules.MAX_LABELS + 1L)) > 0
        ? ProfileRules.MAX_LABELS + 1
        : rounded.intValue();
  }

  /**
   * A field's value as a label prints it. Odoo sends {@code false} for an empty field (of any
   * type), so false and null print as nothing; a list (many2many, one2many) has no one value.
   */
  private static JsonNode field(JsonNode body, String name, List<String> problems) {
    JsonNode value = body.get(name);
    if (value == null) {
      problems.add(missing(name));
      return null;
    }
    if (value.isNull() || value.isBoolean() && !value.getBooleanValue()) {
      return JsonNode.createStringNode("");
    }
    if (value.isArray() || value.isObject()) {
      problems.add(name + " holds " + shown(value) + ", not one value");
      return null;
    }
    return value;
  }

  private static String missing(String field) {
    return "field " + field + " is not in the webhook's body (select it in the Odoo rule)";
  }

  private static String available(JsonNode body) {
    Set<String> names = new TreeSet<>();
    body.entries().forEach(entry -> names.add(entry.getKey()));
    return names.isEmpty() ? "" : "; the body has " + String.join(", ", names);
  }

  private static String text(JsonNode value) {
    if (value.isString()) {
      return value.getStringValue();
    }
    if (value.isNumber()) {
      return new BigDecimal(value.getNumberValue().toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value.getValue());
  }

  private static String shown(JsonNode value) {
    if (value.isArray()) {
      return "a list of " + value.size();
    }
    if (value.isObject()) {
      return "an object";
    }
    String text = value.isString() ? "\"" + value.getStringValue() + "\"" : text(value);
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
