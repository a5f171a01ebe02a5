package io.printrelay.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %journalPriority}: under systemd, whose journal reads a leading {@code <N>} as the line's
 * syslog priority (sd-daemon(3)), so that {@code journalctl -p warning} finds the agent's warnings
 * and errors. systemd sets {@code JOURNAL_STREAM} when stdout is the journal; elsewhere (a
 * terminal, a file) this writes nothing.
 */
public final class JournalPriority extends ClassicConverter {
  private final boolean journal;

  public JournalPriority() {
    this(System.getenv("JOURNAL_STREAM") != null);
  }

  JournalPriority(boolean journal) {
    this.journal = journal;
  }

  @Override
  public String convert(ILoggingEvent event) {
    if (!journal) {
      return "";
    }
    return switch (event.getLevel().toInt()) {
      case Level.ERROR_INT -> "<3>";
      case Level.WARN_INT -> "<4>";
      case Level.INFO_INT -> "<6>";
      default -> "<7>";
    };
  }
}
