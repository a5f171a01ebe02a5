package io.printrelay.function.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.printrelay.function.metrics.EmbeddedMetrics;
import java.nio.charset.StandardCharsets;

/**
 * Logging on Lambda (which sets {@code AWS_LAMBDA_FUNCTION_NAME}), configured in code: reading
 * logback.xml costs a cold start about a quarter of a second (an XML parser and logback's
 * configuration model, some 500 classes). Everything goes to stdout, CloudWatch Logs: one JSON
 * object per line, its {@code mdc} naming the job and printer the line is about ({@link
 * LogContext}), for CloudWatch Logs Insights; and the Embedded Metric Format documents of {@link
 * EmbeddedMetrics} alone on their lines, or CloudWatch does not read them as metrics. Elsewhere
 * logback.xml applies. Registered in META-INF/services.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LambdaLogging extends ContextAwareBase implements Configurator {
  static final String LAMBDA_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (!onLambda(context)) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    JsonEncoder json = new JsonEncoder();
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    // The message once, with its arguments filled in.
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stdout(context, "STDOUT", json));
    Logger metrics = context.getLogger(EmbeddedMetrics.LOGGER);
    metrics.setLevel(Level.INFO);
    metrics.setAdditive(false);
    metrics.addAppender(stdout(context, "METRICS", new MessageOnly()));
    context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
    context.getLogger("io.micronaut.context.env").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  // A context property first, as logback looks up variables: tests set it there.
  private static boolean onLambda(LoggerContext context) {
    return context.getProperty(LAMBDA_VARIABLE) != null || System.getenv(LAMBDA_VARIABLE) != null;
  }

  private static ConsoleAppender<ILoggingEvent> stdout(
      LoggerContext context, String name, Encoder<ILoggingEvent> encoder) {
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }

  /** The message and a line break: what {@code %msg%n} writes, without a pattern parser. */
  static final class MessageOnly extends EncoderBase<ILoggingEvent> {
    @Override
    public byte[] headerBytes() {
      return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
      return (event.getFormattedMessage() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
      return null;
    }
  }
}
