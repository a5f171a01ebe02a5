package io.printrelay.function.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what the application logs at WARN or above while it is open: a request the caller got
 * wrong is the caller's problem, and must not page the engineer on call or fill CloudWatch.
 */
public final class LoggedWarnings implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  private LoggedWarnings() {
    events.start();
    root.addAppender(events);
  }

  public static LoggedWarnings record() {
    return new LoggedWarnings();
  }

  /** Each WARN or ERROR logged so far, as "LEVEL logger: message". */
  public List<String> all() {
    return List.copyOf(events.list).stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getMessage())
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(events);
    events.stop();
  }
}
