package io.printrelay.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class LogfmtTest {
  private final Logger logger = new LoggerContext().getLogger("JobRunner");

  @Test
  void pairsThenTheMessageAllOnOneLine() {
    LoggingEvent event = event(Level.INFO, "job started", null);
    event.addKeyValuePair(new KeyValuePair("event", "job.started"));
    event.addKeyValuePair(new KeyValuePair("printer", "line-1"));
    event.addKeyValuePair(new KeyValuePair("labels", 200));
    event.addKeyValuePair(new KeyValuePair("detail", null));

    assertThat(new Logfmt().convert(event))
        .isEqualTo("event=job.started printer=line-1 labels=200 msg=\"job started\"");
  }

  @Test
  void quotesAndEscapesOnlyWhatMustBe() {
    LoggingEvent event = event(Level.WARN, "", null);
    event.addKeyValuePair(new KeyValuePair("detail", "paper out"));
    event.addKeyValuePair(new KeyValuePair("error", "said \"no\"\nthen a\\b"));
    event.addKeyValuePair(new KeyValuePair("printers", "a=h:1"));
    event.addKeyValuePair(new KeyValuePair("empty", ""));

    assertThat(new Logfmt().convert(event))
        .isEqualTo(
            "detail=\"paper out\" error=\"said \\\"no\\\"\\nthen a\\\\b\" printers=\"a=h:1\""
                + " empty=\"\"");
  }

  @Test
  void anExceptionStaysOnTheLine() {
    LoggingEvent event = event(Level.ERROR, "sync failed", new IllegalStateException("boom"));

    String line = new Logfmt().convert(event);

    assertThat(line).doesNotContain("\n").startsWith("msg=\"sync failed\" exception=\"");
    assertThat(line).contains("java.lang.IllegalStateException: boom\\n\\tat ");
  }

  @Test
  void thePriorityPrefixOnlyUnderTheJournal() {
    assertThat(new JournalPriority(true).convert(event(Level.WARN, "x", null))).isEqualTo("<4>");
    assertThat(new JournalPriority(true).convert(event(Level.INFO, "x", null))).isEqualTo("<6>");
    assertThat(new JournalPriority(true).convert(event(Level.ERROR, "x", null))).isEqualTo("<3>");
    assertThat(new JournalPriority(true).convert(event(Level.DEBUG, "x", null))).isEqualTo("<7>");
    assertThat(new JournalPriority(false).convert(event(Level.WARN, "x", null))).isEmpty();
  }

  private LoggingEvent event(Level level, String message, Throwable thrown) {
    return new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, null);
  }
}
