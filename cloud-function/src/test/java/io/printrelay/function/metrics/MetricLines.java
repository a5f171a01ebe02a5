package io.printrelay.function.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines written to the metrics logger while open, which logback.xml turns off outside Lambda:
 * opened, it is on, and back off on close.
 */
final class MetricLines implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedMetrics.LOGGER);
  private final Level level = logger.getLevel();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  MetricLines() {
    events.start();
    logger.addAppender(events);
    logger.setLevel(Level.INFO);
  }

  /** Each line, parsed. */
  List<JsonNode> documents() {
    ObjectMapper json = new ObjectMapper();
    return List.copyOf(events.list).stream()
        .map(ILoggingEvent::getFormattedMessage)
        .map(
            line -> {
              try {
                return json.readTree(line);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  @Override
  public void close() {
    logger.setLevel(level);
    logger.detachAppender(events);
    events.stop();
  }
}
