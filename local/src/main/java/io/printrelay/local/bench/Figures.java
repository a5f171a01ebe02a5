package io.printrelay.local.bench;

import java.time.Duration;

/** How the table writes its numbers. */
final class Figures {
  private Figures() {}

  static String seconds(long nanos) {
    double s = nanos / 1e9;
    return s < 10 ? String.format("%.2f s", s) : String.format("%.1f s", s);
  }

  static String seconds(Duration duration) {
    return seconds(duration.toNanos());
  }

  static String perLabel(double amount, int labels) {
    return ratio(amount / labels);
  }

  /** Two decimals, three below 0.1 so that a rare request still shows. */
  static String ratio(double value) {
    return value == 0 || value >= 0.1 ? String.format("%.2f", value) : String.format("%.3f", value);
  }

  static String mib(long kib) {
    return kib < 0 ? "?" : Long.toString(Math.round(kib / 1024.0));
  }

  static String rate(double labelsPerSecond) {
    return labelsPerSecond < 20
        ? String.format("%.1f", labelsPerSecond)
        : String.format("%.0f", labelsPerSecond);
  }

  static String millis(Duration duration) {
    return duration.toMillis() + " ms";
  }
}
