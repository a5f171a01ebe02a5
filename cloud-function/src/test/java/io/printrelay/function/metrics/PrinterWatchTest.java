package io.printrelay.function.metrics;

import static io.printrelay.function.testing.Printers.aPrinter;
import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.printrelay.function.config.PrinterSettings;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.dispatch.DispatchSweepHandler;
import io.printrelay.function.storage.DynamoDbLabelTally;
import io.printrelay.function.storage.DynamoDbReads;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.JobStatus;
import io.printrelay.model.PrinterState;
import io.printrelay.testing.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep's figures for CloudWatch, read from the embedded DynamoDB and written as the Embedded
 * Metric Format line CloudWatch Logs turns into metrics.
 */
class PrinterWatchTest {
  private static final Instant NOW = Jobs.T0.plus(Duration.ofHours(1));
  private static final Duration OFFLINE_AFTER = Duration.ofSeconds(45);

  private Sandbox sandbox;
  private PrinterWatch watch;

  @BeforeEach
  void freshSandbox() {
    sandbox = EmbeddedSandbox.newSandbox();
    PrintrelaySettings settings =
        new PrintrelaySettings(sandbox.table(), sandbox.queueNames().prefix(), null, null);
    DynamoDbReads reads = new DynamoDbReads(sandbox.dynamoDb(), settings);
    watch =
        new PrinterWatch(
            reads,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new PrinterSettings(OFFLINE_AFTER),
            new EmbeddedMetrics(settings, JsonMapper.createDefault()),
            new LabelsPrinted(reads, new DynamoDbLabelTally(sandbox.dynamoDb(), settings)));
  }

  @Test
  void printersWhoseAgentIsSilentOrCannotReachThemCountAsOfflineButPausedOnesDoNot() {
    sandbox.store(aPrinter("line-1").seen(NOW.minusSeconds(10)));
    sandbox.store(aPrinter("line-2").seen(NOW.minus(OFFLINE_AFTER).minusSeconds(1)));
    sandbox.store(
        aPrinter("line-3").seen(NOW.minusSeconds(10)).state(PrinterState.OFFLINE, "no route"));
    sandbox.store(aPrinter("line-4").seen(NOW.minus(Duration.ofDays(3))).paused());
    sandbox.store(aPrinter("line-5").state(PrinterState.ERROR, "paper out").seen(NOW));

    try (MetricLines lines = new MetricLines()) {
      watch.run();

      JsonNode line = lines.documents().get(0);
      assertThat(line.get(EmbeddedMetrics.OFFLINE_PRINTERS).asInt()).isEqualTo(2);
      assertThat(texts(line.get("offlinePrinterIds")))
          .containsExactlyInAnyOrder("line-2", "line-3");
    }
  }

  @Test
  void activeJobsAreCountedByStateOverEveryPrinter() {
    sandbox.store(aPrinter("line-1").seen(NOW));
    sandbox.store(aPrinter("line-2").seen(NOW));
    sandbox.store(aJob().on("line-1").dispatched(1));
    sandbox.store(aJob().on("line-1").dispatched(1));
    sandbox.store(aJob().on("line-2").dispatched(1));
    sandbox.store(aJob().on("line-1").printing(1, NOW));
    sandbox.store(aJob().on("line-2").status(JobStatus.PAUSED));
    sandbox.store(aJob().on("line-2").status(JobStatus.COMPLETED));

    assertThat(watch.figures(NOW)).isEqualTo(new SweepFigures(List.of(), 3, 1, 1, 0));
  }

  @Test
  void theLineIsAnEmbeddedMetricFormatDocumentCloudWatchTurnsIntoMetrics() {
    sandbox.store(aPrinter("line-2").seen(NOW.minus(Duration.ofMinutes(5))));
    sandbox.store(aJob().on("line-2").dispatched(1));

    try (MetricLines lines = new MetricLines()) {
      watch.run();

      assertThat(lines.documents()).hasSize(1);
      JsonNode line = lines.documents().get(0);
      JsonNode aws = line.get("_aws");
      assertThat(aws.get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
      JsonNode directive = aws.get("CloudWatchMetrics").get(0);
      assertThat(directive.get("Namespace").asText()).isEqualTo("Printrelay");
      assertThat(directive.get("Dimensions").get(0).get(0).asText()).isEqualTo("Deployment");
      List<String> names = new ArrayList<>();
      directive
          .get("Metrics")
          .forEach(
              metric -> {
                names.add(metric.get("Name").asText());
                assertThat(metric.get("Unit").asText()).isEqualTo("Count");
              });
      assertThat(names)
          .containsExactly(
              "OfflinePrinters", "JobsQueued", "JobsPrinting", "JobsPaused", "LabelsPrinted");
      // Each declared metric and the dimension have their value at the top level.
      assertThat(line.get("Deployment").asText()).isEqualTo(sandbox.queueNames().prefix());
      assertThat(
              Map.of(
                  "OfflinePrinters", line.get("OfflinePrinters").asInt(),
                  "JobsQueued", line.get("JobsQueued").asInt(),
                  "JobsPrinting", line.get("JobsPrinting").asInt(),
                  "JobsPaused", line.get("JobsPaused").asInt()))
          .isEqualTo(
              Map.of("OfflinePrinters", 1, "JobsQueued", 1, "JobsPrinting", 0, "JobsPaused", 0));
    }
  }

  @Test
  void theLineCarriesTheLabelsPrintedSinceTheLastRun() {
    sandbox.store(aPrinter("line-1").seen(NOW));
    sandbox.store(aJob().on("line-1").labels(20).printing(8, NOW));

    try (MetricLines lines = new MetricLines()) {
      watch.run();

      assertThat(lines.documents().get(0).get(EmbeddedMetrics.LABELS_PRINTED).asInt()).isEqualTo(7);
    }
  }

  @Test
  void everyScheduledSweepPublishesTheFigures() {
    sandbox.store(aPrinter("line-2").seen(Instant.now().minus(Duration.ofMinutes(5))));

    try (MetricLines lines = new MetricLines();
        DispatchSweepHandler handler =
            new DispatchSweepHandler(ApplicationContext.builder(sandbox.properties()).build())) {
      handler.handleRequest(Map.of(), null);

      assertThat(lines.documents())
          .singleElement()
          .satisfies(line -> assertThat(line.get("OfflinePrinters").asInt()).isEqualTo(1));
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
