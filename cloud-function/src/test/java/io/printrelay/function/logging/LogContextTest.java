package io.printrelay.function.logging;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.dispatch.Dispatcher;
import io.printrelay.function.queue.DispatchFailed;
import io.printrelay.function.storage.DynamoDbDispatchStore;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.Job;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Lines logged about a job carry its id and its printer's in the logging context. */
class LogContextTest {

  @Test
  void aSendThatFailsIsLoggedWithItsJobAndPrinterAndLeavesNoContextBehind() {
    // Lambda handler tests run on this thread too and leave the runtime's own keys behind.
    MDC.clear();
    Sandbox sandbox = EmbeddedSandbox.newSandbox();
    PrintrelaySettings settings =
        new PrintrelaySettings(sandbox.table(), sandbox.queueNames().prefix(), null, null);
    Job job = sandbox.store(aJob().on("line-7").dispatched(1));
    Dispatcher dispatcher =
        new Dispatcher(
            new DynamoDbDispatchStore(sandbox.dynamoDb(), settings),
            message -> {
              throw new DispatchFailed(message.jobId(), new IllegalStateException("SQS is down"));
            });
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    try {
      assertThat(dispatcher.send(job)).isFalse();
    } finally {
      root.detachAppender(events);
    }

    assertThat(events.list)
        .filteredOn(event -> event.getLevel() == Level.WARN)
        .singleElement()
        .extracting(ILoggingEvent::getMDCPropertyMap)
        .isEqualTo(Map.of("jobId", job.jobId(), "printerId", "line-7"));
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void aJobInsideItsPrintersWorkKeepsThePrinterAfterwards() {
    String inner =
        LogContext.forPrinter(
            "line-1",
            () -> {
              String job =
                  LogContext.forJob(
                      "j-1", null, () -> MDC.get("jobId") + "@" + MDC.get("printerId"));
              return job + " then " + MDC.get("jobId") + "@" + MDC.get("printerId");
            });

    assertThat(inner).isEqualTo("j-1@line-1 then null@line-1");
    assertThat(MDC.get("printerId")).isNull();
  }
}
