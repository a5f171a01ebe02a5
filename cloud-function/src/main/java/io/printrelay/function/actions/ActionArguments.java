package io.printrelay.function.actions;

import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.intake.NewLabel;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.model.Priority;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Checks the bodies of the actions that take one, as bound; bad values are 422s by field. */
final class ActionArguments {
  private ActionArguments() {}

  /** {@code {"priority": "high"}}. */
  static Priority priority(PriorityRequest body) {
    JsonNode value = body.priority();
    if (value == null || !value.isString()) {
      throw InvalidInput.of("priority", "must be one of high, normal, low");
    }
    return Priority.parse(value.getStringValue())
        .orElseThrow(() -> InvalidInput.of("priority", "must be one of high, normal, low"));
  }

  /**
   * {@code {"labels": [12, 13]}}: 1 to {@value NewLabel#MAX_PER_JOB} label numbers (the cap of any
   * job), each within 1..total.
   */
  static List<Integer> labels(ReprintRequest body, int total) {
    JsonNode value = body.labels();
    if (value == null || !value.isArray()) {
      throw InvalidInput.of("labels", "must be an array of label numbers, e.g. [12, 13]");
    }
    if (value.size() == 0 || value.size() > NewLabel.MAX_PER_JOB) {
      throw InvalidInput.of(
          "labels", "must name 1 to " + NewLabel.MAX_PER_JOB + " labels, not " + value.size());
    }
    List<Integer> labels = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      labels.add(labelNumber(value.get(i), i, total));
    }
    return labels;
  }

  private static int labelNumber(JsonNode node, int position, int total) {
    if (!node.isNumber() || !isWhole(node.getNumberValue())) {
      throw InvalidInput.of("labels", "entry " + position + " is not a whole label number");
    }
    // Compared as a BigInteger: longValue() of a huge number wraps round into range.
    BigInteger index = new BigInteger(node.getNumberValue().toString());
    if (index.signum() < 1 || index.compareTo(BigInteger.valueOf(total)) > 0) {
      throw InvalidInput.of(
          "labels", "label " + index + " is not one of this job's labels, 1 to " + total);
    }
    return index.intValueExact();
  }

  // Jackson reads 3 as an Integer, 3.0 as a Double and huge numbers as BigInteger.
  private static boolean isWhole(Number number) {
    return number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte
        || number instanceof BigInteger;
  }
}
