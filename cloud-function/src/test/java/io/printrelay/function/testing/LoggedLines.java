package io.printrelay.function.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Records every line the application logs while it is open, with its MDC. */
public final class LoggedLines implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  private LoggedLines() {
    events.start();
    root.addAppender(events);
  }

  public static LoggedLines record() {
    return new LoggedLines();
  }

  /** A line as logged: its logger, level, message with arguments filled in, and MDC. */
  public record Line(String logger, Level level, String message, Map<String, String> mdc) {
    @Override
    public String toString() {
      return level + " " + logger + ": " + message + " " + mdc;
    }
  }

  public List<Line> all() {
    return List.copyOf(events.list).stream()
        .map(
            event ->
                new Line(
                    event.getLoggerName(),
                    event.getLevel(),
                    event.getFormattedMessage(),
                    Map.copyOf(event.getMDCPropertyMap())))
        .toList();
  }

  /** The lines of one logger. */
  public List<Line> of(String logger) {
    return all().stream().filter(line -> line.logger().equals(logger)).toList();
  }

  @Override
  public void close() {
    root.detachAppender(events);
    events.stop();
  }
}
