package io.printrelay.function.submit;

import io.printrelay.zpl.ZplCommands;
import io.printrelay.zpl.ZplDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ZPL label template with {@code {{name}}} placeholders, checked once per job and rendered once
 * per label.
 *
 * <p><b>Escaping rule.</b> Values are field data, never commands. A placeholder may only stand in
 * the data of a {@code ^FD} (or {@code ^FV}) field; elsewhere the template is refused. Every such
 * field is put in hexadecimal mode: unless the field (since the previous {@code ^FS}) already has
 * its own {@code ^FH}, {@code ^FH_} is inserted immediately before its {@code ^FD}, and the
 * template's own {@code _} in that field's data become {@code _5F}. In a value, {@code ^} and
 * {@code ~} (each would start a command), the field's hex indicator ({@code _} unless the field's
 * own {@code ^FH} names another) and control characters are written as the indicator and two hex
 * digits: {@code ^} is {@code _5E}, {@code ~} is {@code _7E}, {@code _} is {@code _5F}. So no value
 * can end its field or its format ({@code ^XZ}) or run a host command ({@code ~JR}); a rendered
 * label has exactly the template's one {@code ^XA} and one {@code ^XZ}. Other characters, non-ASCII
 * included, pass through unchanged (sent as UTF-8).
 *
 * <p>Templates that change the command prefixes ({@code ^CC ~CC ^CT ~CT}, as {@link ZplCommands}
 * finds them) are refused: the escaping relies on {@code ^} and {@code ~}. See Zebra's ZPL II
 * Programming Guide, ^FH.
 */
public final class TemplateRenderer {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
  private static final char DEFAULT_INDICATOR = '_';

  private sealed interface Part permits Text, Slot {}

  private record Text(String text) implements Part {}

  private record Slot(String name, char indicator) implements Part {}

  private final List<Part> parts;
  private final Set<String> names;

  private TemplateRenderer(List<Part> parts, Set<String> names) {
    this.parts = List.copyOf(parts);
    this.names = Collections.unmodifiableSet(names);
  }

  /**
   * @throws IllegalArgumentException saying what is wrong, for the caller to show
   */
  public static TemplateRenderer parse(String template) {
    if (!ZplDocument.isSingleFormat(template)) {
      throw new IllegalArgumentException("must be one whole ^XA...^XZ format");
    }
    if (ZplCommands.restricted(template).stream()
        .anyMatch(command -> command.kind() == ZplCommands.Kind.PREFIX_CHANGE)) {
      throw new IllegalArgumentException(
          "must not change the command prefixes (^CC, ~CC, ^CT, ~CT): escaping relies on ^ and ~");
    }
    return new Parser(template).parse();
  }

  /** The placeholder names, in order of first appearance. */
  public Set<String> placeholders() {
    return names;
  }

  /** Renders one label; {@code values} holds a value for every placeholder. */
  public String render(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      switch (part) {
        case Text text -> out.append(text.text());
        case Slot slot -> out.append(escape(values.get(slot.name()), slot.indicator()));
      }
    }
    return out.toString();
  }

  static String escape(String value, char indicator) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '^' || c == '~' || c == indicator || c < 0x20 || c == 0x7F) {
        out.append(indicator).append(String.format(Locale.ROOT, "%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Walks the template one command at a time; a command runs from its ^ or ~ to the next. */
  private static final class Parser {
    private final String template;
    private final List<Part> parts = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private Character fieldIndicator;

    Parser(String template) {
      this.template = template;
    }

    TemplateRenderer parse() {
      int start = nextPrefix(0);
      refuseOutsideFieldData(template.substring(0, start));
      parts.add(new Text(template.substring(0, start)));
      while (start < template.length()) {
        int end = nextPrefix(start + 1);
        command(template.substring(start, end));
        start = end;
      }
      return new TemplateRenderer(parts, names);
    }

    private void command(String command) {
      String name = command.length() >= 3 ? command.substring(0, 3).toUpperCase(Locale.ROOT) : "";
      if (name.equals("^FD") || name.equals("^FV")) {
        fieldData(command);
        return;
      }
      refuseOutsideFieldData(command);
      if (name.equals("^FH")) {
        fieldIndicator = hexIndicator(command);
      } else if (name.equals("^FS") || name.equals("^XA")) {
        fieldIndicator = null;
      }
      parts.add(new Text(command));
    }

    private void fieldData(String command) {
      String data = command.substring(3);
      Matcher placeholder = PLACEHOLDER.matcher(data);
      if (!placeholder.find()) {
        parts.add(new Text(command));
        return;
      }
      char indicator = fieldIndicator == null ? DEFAULT_INDICATOR : fieldIndicator;
      boolean inserted = fieldIndicator == null;
      parts.add(new Text((inserted ? "^FH" + DEFAULT_INDICATOR : "") + command.substring(0, 3)));
      int from = 0;
      do {
        parts.add(new Text(literal(data.substring(from, placeholder.start()), inserted)));
        names.add(placeholder.group(1));
        parts.add(new Slot(placeholder.group(1), indicator));
        from = placeholder.end();
      } while (placeholder.find());
      parts.add(new Text(literal(data.substring(from), inserted)));
    }

    // Once we switch a field to hex mode, its own underscores would read as escapes.
    private static String literal(String text, boolean hexModeInserted) {
      return hexModeInserted ? text.replace("_", "_5F") : text;
    }

    private static char hexIndicator(String command) {
      if (command.length() < 4 || Character.isWhitespace(command.charAt(3))) {
        return DEFAULT_INDICATOR;
      }
      char indicator = command.charAt(3);
      if (indicator > 0x7E) {
        throw new IllegalArgumentException("^FH needs an ASCII hex indicator");
      }
      return indicator;
    }

    private void refuseOutsideFieldData(String text) {
      Matcher placeholder = PLACEHOLDER.matcher(text);
      if (placeholder.find()) {
        throw new IllegalArgumentException(
            placeholder.group()
                + " is outside field data: placeholders may only stand between ^FD and ^FS");
      }
    }

    private int nextPrefix(int from) {
      for (int i = from; i < template.length(); i++) {
        char c = template.charAt(i);
        if (c == '^' || c == '~') {
          return i;
        }
      }
      return template.length();
    }
  }
}
