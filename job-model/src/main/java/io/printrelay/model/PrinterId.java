package io.printrelay.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A printer's id: 1 to 64 of {@code [A-Za-z0-9._-]}. It is the SQS FIFO message group id, which
 * allows those characters (and a few more), and a DynamoDB sort key, so it needs no escaping
 * anywhere; see docs/api.md#submit.
 */
public record PrinterId(String value) {
  public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
  public static final String RULE = "1 to 64 letters, digits, '.', '_' or '-'";
  private static final Pattern VALID = Pattern.compile(PATTERN);

  public PrinterId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("a printer id is " + RULE + ", got " + value);
    }
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  public static Optional<PrinterId> parse(String value) {
    return isValid(value) ? Optional.of(new PrinterId(value)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
