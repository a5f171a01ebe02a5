package io.printrelay.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The agent's log as journald gets it (docs/printing.md#agent-status): one line per event with its
 * {@code event=} and ids as key=value pairs; a job is a few lines at info however many labels it
 * has, each label a line at debug only.
 */
class AgentLogTest {
  private static final int LABELS = 40;

  private final AgentTestBed bed = new AgentTestBed();
  private final Logger agentLogger = (Logger) LoggerFactory.getLogger("io.printrelay.agent");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void listen() {
    events.start();
    agentLogger.addAppender(events);
    agentLogger.setLevel(Level.DEBUG);
    agentLogger.setAdditive(false); // the debug lines to this list only, not to the console
  }

  @AfterEach
  void tearDown() {
    bed.close();
    agentLogger.detachAppender(events);
    agentLogger.setLevel(null);
    agentLogger.setAdditive(true);
  }

  @Test
  void aJobIsAFewLinesAtInfoAndEachLabelALineAtDebugOnly() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    bed.start(printer);
    String jobId = bed.submit("line-1", Priority.NORMAL, LABELS);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);

    List<ILoggingEvent> ofTheJob =
        List.copyOf(events.list).stream().filter(e -> jobId.equals(value(e, "job"))).toList();
    assertThat(ofTheJob.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)))
        .extracting(e -> value(e, "event"))
        .containsExactly("job.started", "job.completed");
    assertThat(ofTheJob.stream().filter(e -> "label.printed".equals(value(e, "event"))))
        .hasSize(LABELS)
        .allMatch(e -> e.getLevel() == Level.DEBUG);
    ILoggingEvent started =
        ofTheJob.stream().filter(e -> "job.started".equals(value(e, "event"))).findFirst().get();
    assertThat(value(started, "printer")).isEqualTo("line-1");
    assertThat(value(started, "labels")).isEqualTo(String.valueOf(LABELS));
  }

  @Test
  void aPrinterGoingOfflineAndComingBackIsALineEach() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(5));
    printer.refuseConnections(true);
    bed.start(printer);
    String failed = bed.submit("line-1", Priority.NORMAL, 3);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(failed).status() == JobStatus.FAILED);
    printer.refuseConnections(false);
    String next = bed.submit("line-1", Priority.NORMAL, 3);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> bed.job(next).status() == JobStatus.COMPLETED);

    List<ILoggingEvent> changes =
        List.copyOf(events.list).stream()
            .filter(e -> "printer.state".equals(value(e, "event")))
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
            .toList();
    assertThat(changes)
        .extracting(e -> e.getLevel() + " " + value(e, "was") + " -> " + value(e, "state"))
        .containsExactly("WARN printing -> offline", "INFO offline -> ready");
    assertThat(value(changes.getFirst(), "printer")).isEqualTo("line-1");
    assertThat(value(changes.getFirst(), "detail")).contains("cannot connect");
  }

  /**
   * The agent's own logback.xml, the one its jar ships; the tests' classpath configures Logback
   * with job-model's logback-test.xml instead.
   */
  @Test
  void theShippedConfigurationWritesOneLineOfKeyValuePairs() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(
        Path.of(Agent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("logback.xml")
            .toFile());
    ConsoleAppender<?> stdout =
        (ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
    PatternLayoutEncoder encoder = (PatternLayoutEncoder) stdout.getEncoder();
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            context.getLogger("io.printrelay.agent.printing.JobRunner"),
            Level.WARN,
            "job failed",
            null,
            null);
    event.addKeyValuePair(new KeyValuePair("event", "job.failed"));
    event.addKeyValuePair(new KeyValuePair("printer", "line-1"));
    event.addKeyValuePair(new KeyValuePair("error", "label 3 failed: \"paper out\""));

    String line = encoder.getLayout().doLayout(event);

    assertThat(line)
        .matches(
            "(<4>)?time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ level=WARN"
                + " logger=JobRunner event=job\\.failed printer=line-1"
                + " error=\"label 3 failed: \\\\\"paper out\\\\\"\" msg=\"job failed\"\\R");
    context.stop();
  }

  private static String value(ILoggingEvent event, String key) {
    if (event.getKeyValuePairs() == null) {
      return null;
    }
    for (KeyValuePair pair : event.getKeyValuePairs()) {
      if (pair.key.equals(key)) {
        return Objects.toString(pair.value, null);
      }
    }
    return null;
  }
}
