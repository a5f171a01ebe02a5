package io.printrelay.function.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.printrelay.function.logging.LambdaLogging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The function's logging configured into a logging context of its own as Lambda (which sets {@code
 * AWS_LAMBDA_FUNCTION_NAME}) and as anywhere else would have it: {@link LambdaLogging} on Lambda,
 * logback.xml elsewhere.
 */
class LambdaLogFormatTest {

  @Test
  void onLambdaEachLineIsOneJsonObjectWithTheJobAndPrinter() throws Exception {
    LoggerContext context = configured(true);
    Logger logger = context.getLogger("io.printrelay.function.dispatch.Dispatcher");
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.WARN,
            "Job {} not sent",
            null,
            new Object[] {"j-1"});
    event.setMDCPropertyMap(Map.of("jobId", "j-1", "printerId", "line-1"));

    String line = encode(context, Logger.ROOT_LOGGER_NAME, "STDOUT", event);

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("loggerName").asText()).endsWith("Dispatcher");
    assertThat(json.get("formattedMessage").asText()).isEqualTo("Job j-1 not sent");
    assertThat(json.get("mdc").get("jobId").asText()).isEqualTo("j-1");
    assertThat(json.get("mdc").get("printerId").asText()).isEqualTo("line-1");
  }

  @Test
  void onLambdaMetricLinesAreTheBareDocument() throws Exception {
    LoggerContext context = configured(true);
    Logger metrics = context.getLogger(EmbeddedMetrics.LOGGER);
    LoggingEvent event =
        new LoggingEvent(Logger.class.getName(), metrics, Level.INFO, "{\"_aws\":{}}", null, null);

    assertThat(metrics.isInfoEnabled()).isTrue();
    assertThat(metrics.isAdditive()).as("not also as a JSON log line").isFalse();
    assertThat(encode(context, EmbeddedMetrics.LOGGER, "METRICS", event))
        .isEqualTo("{\"_aws\":{}}\n");
  }

  @Test
  void elsewhereLinesAreTextAndNoMetricsAreWritten() throws Exception {
    LoggerContext context = configured(false);

    assertThat(appender(context, Logger.ROOT_LOGGER_NAME, "STDOUT").getEncoder())
        .isNotInstanceOf(JsonEncoder.class);
    assertThat(context.getLogger(EmbeddedMetrics.LOGGER).isInfoEnabled()).isFalse();
  }

  @Test
  void logbackFindsTheLambdaConfigurationWithoutReadingAnyFile() throws IOException {
    try (var services =
        LambdaLogFormatTest.class.getResourceAsStream(
            "/META-INF/services/" + Configurator.class.getName())) {
      assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo(LambdaLogging.class.getName());
    }
    LoggerContext context = new LoggerContext();
    assertThat(new LambdaLogging().configure(context))
        .as("outside Lambda, logback.xml is read")
        .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }

  private static LoggerContext configured(boolean onLambda) throws JoranException, IOException {
    LoggerContext context = new LoggerContext();
    if (onLambda) {
      // Looked up like an environment variable: context properties come before the environment.
      context.putProperty("AWS_LAMBDA_FUNCTION_NAME", "printrelay-api");
      LambdaLogging lambda = new LambdaLogging();
      lambda.setContext(context);
      assertThat(lambda.configure(context))
          .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
      return context;
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try (var xml = LambdaLogFormatTest.class.getResourceAsStream("/logback.xml")) {
      configurator.doConfigure(xml);
    }
    return context;
  }

  private static String encode(
      LoggerContext context, String logger, String appender, LoggingEvent event) {
    byte[] bytes = appender(context, logger, appender).getEncoder().encode(event);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender(
      LoggerContext context, String logger, String name) {
    return (OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
        context.getLogger(logger).getAppender(name);
  }
}
