package io.printrelay.function.submit;

import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of a request, so one answer names them all. */
final class FieldErrors {
  private final List<FieldError> errors = new ArrayList<>();

  void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
