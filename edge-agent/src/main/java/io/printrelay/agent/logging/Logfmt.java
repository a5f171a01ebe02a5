package io.printrelay.agent.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * {@code %logfmt}: an event's key-value pairs (SLF4J's {@code addKeyValue}), then {@code msg="…"},
 * then any exception as {@code exception="…"}, all on one line. Logback's own {@code %kvp} quotes
 * every value and escapes none, so a quote or a newline in an error message would break the line;
 * here a value is quoted only when it must be, and escaped then. Pairs with a null value are left
 * out.
 */
public final class Logfmt extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    StringBuilder line = new StringBuilder();
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        if (pair.value != null) {
          append(line, pair.key, String.valueOf(pair.value));
        }
      }
    }
    String message = event.getFormattedMessage();
    if (message != null && !message.isEmpty()) {
      append(line, "msg", message);
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      append(line, "exception", ThrowableProxyUtil.asString(thrown).stripTrailing());
    }
    return line.toString();
  }

  private static void append(StringBuilder line, String key, String value) {
    if (!line.isEmpty()) {
      line.append(' ');
    }
    line.append(key).append('=');
    value(line, value);
  }

  /** Bare when it has no blank, quote, equals sign or control character; else quoted. */
  static void value(StringBuilder line, String value) {
    if (!value.isEmpty() && value.chars().allMatch(Logfmt::bare)) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }

  private static boolean bare(int c) {
    return c > ' ' && c != '"' && c != '=' && c != '\\' && c != 0x7f;
  }
}
