package io.printrelay.function.submit;

import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects every invalid field of a request, so one answer names them all. Field paths index arrays
 * from 0 as JSON does; a label's message also names it by its label number (from 1), the number
 * operators and the job's label list use.
 */
final class FieldErrors {
  private static final Pattern LABEL_PATH = Pattern.compile("^labels\\[(\\d+)]");

  private final List<FieldError> errors = new ArrayList<>();

  void add(String field, String message) {
    Matcher label = LABEL_PATH.matcher(field);
    String named =
        label.find() ? "label " + (Integer.parseInt(label.group(1)) + 1) + ": " + message : message;
    errors.add(new FieldError(field, named));
  }

  List<FieldError> list() {
    return List.copyOf(errors);
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
