package io.printrelay.model;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A job's id: a random UUID in its canonical lower-case text, as every submit, resume and reprint
 * makes it. A path id of any other shape names no job and is answered 404 without asking the table
 * (which refuses keys over 2048 bytes with an error, not a miss); see docs/api.md#errors.
 */
public final class JobId {
  public static final String PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final Pattern VALID = Pattern.compile(PATTERN);

  private JobId() {}

  /** A new job's id. */
  public static String next() {
    return UUID.randomUUID().toString();
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }
}
