package io.printrelay.function.metrics;

import io.micronaut.json.JsonMapper;
import io.printrelay.function.config.PrintrelaySettings;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link SweepFigures} as one CloudWatch Embedded Metric Format line: a JSON object on
 * stdout that CloudWatch Logs turns into metrics as the Lambda log arrives, so no PutMetricData
 * call, no IAM action and no SDK client. Written through the logger {@value #LOGGER}, which
 * logback.xml prints bare (the JSON alone on its line, as EMF requires) on Lambda and keeps quiet
 * elsewhere.
 *
 * <p>The metrics carry one dimension, {@value #DIMENSION}: the queue prefix, which names the stack,
 * so that two deployments in one account keep their figures apart.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
@Singleton
public class EmbeddedMetrics {
  public static final String LOGGER = "printrelay.metrics";
  public static final String NAMESPACE = "Printrelay";
  public static final String DIMENSION = "Deployment";
  public static final String OFFLINE_PRINTERS = "OfflinePrinters";
  public static final String JOBS_QUEUED = "JobsQueued";
  public static final String JOBS_PRINTING = "JobsPrinting";
  public static final String JOBS_PAUSED = "JobsPaused";
  public static final String LABELS_PRINTED = "LabelsPrinted";

  /** Not a metric: which printers are offline, for whoever reads the log line. */
  static final String OFFLINE_PRINTER_IDS = "offlinePrinterIds";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final String deployment;
  private final JsonMapper json;

  public EmbeddedMetrics(PrintrelaySettings settings, JsonMapper json) {
    this.deployment = settings.queuePrefix();
    this.json = json;
  }

  /** False where logback.xml turns the metric lines off (anywhere but Lambda). */
  public boolean enabled() {
    return LOG.isInfoEnabled();
  }

  public void publish(SweepFigures figures, Instant at) {
    LOG.info(line(figures, at));
  }

  /** The EMF document: metric declarations under {@code _aws}, values at the top level. */
  String line(SweepFigures figures, Instant at) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(OFFLINE_PRINTERS, figures.offlinePrinters().size());
    values.put(JOBS_QUEUED, figures.queued());
    values.put(JOBS_PRINTING, figures.printing());
    values.put(JOBS_PAUSED, figures.paused());
    values.put(LABELS_PRINTED, figures.labelsPrinted());
    Map<String, Object> directive =
        Map.of(
            "Namespace",
            NAMESPACE,
            "Dimensions",
            List.of(List.of(DIMENSION)),
            "Metrics",
            values.keySet().stream().map(name -> Map.of("Name", name, "Unit", "Count")).toList());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(
        "_aws", Map.of("Timestamp", at.toEpochMilli(), "CloudWatchMetrics", List.of(directive)));
    document.put(DIMENSION, deployment);
    document.putAll(values);
    document.put(OFFLINE_PRINTER_IDS, figures.offlinePrinters());
    try {
      return json.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
