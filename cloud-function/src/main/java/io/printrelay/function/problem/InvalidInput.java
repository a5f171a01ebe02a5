package io.printrelay.function.problem;

import java.util.List;

/** Values that are well-formed JSON but not acceptable; carries every invalid field at once. */
public final class InvalidInput extends Rejection {
  private final List<FieldError> errors;

  public InvalidInput(List<FieldError> errors) {
    super(summary(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid input names at least one field");
    }
    this.errors = List.copyOf(errors);
  }

  public static InvalidInput of(String field, String message) {
    return new InvalidInput(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    return errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " values are invalid; see errors";
  }
}
