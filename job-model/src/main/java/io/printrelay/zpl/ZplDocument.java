package io.printrelay.zpl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one ZPL text into its formats ({@code ^XA … ^XZ}), as Odoo's ZPL label reports emit one
 * format per unit. Text between formats (comments, blank lines, {@code ~} host commands) is not a
 * label and is dropped. Odoo interpolates field data without {@code ^FH}, so a value containing
 * "^XZ" would end its format early; that is Odoo's escaping to fix, not ours to guess.
 *
 * <p>Commands match case-insensitively ({@code ^xa} prints on a Zebra too), but always on the
 * original text: case-mapping the whole document changes its length ("ß" becomes "SS", "ﬁ" becomes
 * "FI"), so offsets found in the mapped copy would cut the original in the wrong places.
 */
public final class ZplDocument {
  private static final String START = "^XA";
  private static final String END = "^XZ";

  private ZplDocument() {}

  /** The formats in order; an unterminated trailing format is an error, not a silent label. */
  public static List<String> formats(String document) {
    List<String> formats = new ArrayList<>();
    int start = find(document, START, 0);
    while (start >= 0) {
      int end = find(document, END, start + START.length());
      if (end < 0) {
        throw new IllegalArgumentException(
            "format " + (formats.size() + 1) + " starts with ^XA but has no ^XZ");
      }
      int afterEnd = end + END.length();
      formats.add(document.substring(start, afterEnd));
      start = find(document, START, afterEnd);
    }
    return formats;
  }

  /** True when the text is exactly one whole format, surrounding white space aside. */
  public static boolean isSingleFormat(String zpl) {
    String trimmed = zpl.strip();
    int firstEnd = find(trimmed, END, START.length());
    return trimmed.regionMatches(true, 0, START, 0, START.length())
        && firstEnd >= 0
        && firstEnd == trimmed.length() - END.length();
  }

  /** Index of the first {@code command} at or after {@code from}, in any letter case, or -1. */
  private static int find(String text, String command, int from) {
    for (int at = text.indexOf('^', from); at >= 0; at = text.indexOf('^', at + 1)) {
      // Only ASCII folds to X, A or Z, so no other character can pass for part of a command.
      if (text.regionMatches(true, at, command, 0, command.length())) {
        return at;
      }
    }
    return -1;
  }
}
