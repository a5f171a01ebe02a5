package io.printrelay.zpl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits one ZPL text into its formats ({@code ^XA … ^XZ}), as Odoo's ZPL label reports emit one
 * format per unit. Text between formats (comments, blank lines, {@code ~} host commands) is not a
 * label and is dropped. Odoo interpolates field data without {@code ^FH}, so a value containing
 * "^XZ" would end its format early; that is Odoo's escaping to fix, not ours to guess.
 */
public final class ZplDocument {
  private ZplDocument() {}

  /** The formats in order; an unterminated trailing format is an error, not a silent label. */
  public static List<String> formats(String document) {
    String upper = document.toUpperCase(Locale.ROOT);
    List<String> formats = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = upper.indexOf("^XA", from);
      if (start < 0) {
        return formats;
      }
      int end = upper.indexOf("^XZ", start + 3);
      if (end < 0) {
        throw new IllegalArgumentException(
            "format " + (formats.size() + 1) + " starts with ^XA but has no ^XZ");
      }
      formats.add(document.substring(start, end + 3));
      from = end + 3;
    }
  }

  /** True when the text is exactly one whole format, surrounding white space aside. */
  public static boolean isSingleFormat(String zpl) {
    String trimmed = zpl.strip();
    String upper = trimmed.toUpperCase(Locale.ROOT);
    return upper.startsWith("^XA")
        && upper.endsWith("^XZ")
        && upper.indexOf("^XZ") == upper.length() - 3;
  }
}
