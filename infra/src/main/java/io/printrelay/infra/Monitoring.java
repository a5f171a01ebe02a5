package io.printrelay.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * What tells the engineer on call: one alarm per thing that needs a person (docs/deploy.md has a
 * runbook entry for each, under the alarm's name), all sending to one SNS topic, when they fire and
 * when they clear; and a dashboard of the same figures.
 *
 * <p>Alarms, named {@code <prefix>-<what>}: a message in a dead-letter queue ({@code
 * dead-letters-<tier>}), a main queue's oldest message older than the threshold ({@code
 * queue-age-<tier>}), the API's share of 5xx answers ({@code api-5xx}), errors and throttles of
 * each function ({@code api-errors}, {@code api-throttles}, {@code sweep-errors}, {@code
 * sweep-throttles}), and a printer offline too long ({@code printer-offline}), from the figures the
 * dispatch sweep publishes each minute in CloudWatch Embedded Metric Format (cloud-function's
 * {@code metrics.EmbeddedMetrics}, whose names {@link #NAMESPACE} and the rest repeat; the infra
 * tests check they agree).
 */
public final class Monitoring extends Construct {
  static final String NAMESPACE = "Printrelay";
  static final String DIMENSION = "Deployment";
  static final String OFFLINE_PRINTERS = "OfflinePrinters";
  static final List<String> JOB_STATES = List.of("JobsQueued", "JobsPrinting", "JobsPaused");
  static final String LABELS_PRINTED = "LabelsPrinted";

  private static final Duration MINUTE = Duration.minutes(1);
  private static final Duration FIVE_MINUTES = Duration.minutes(5);

  private final String prefix;
  private final Topic topic;
  private final List<Alarm> alarms = new ArrayList<>();
  private final Dashboard dashboard;

  /** What is watched: the deployment's queues, its API and its two functions. */
  public record Watched(
      Queues queues, HttpApi api, IFunction apiFunction, IFunction sweepFunction) {}

  public Monitoring(
      Construct scope, String id, String prefix, Watched watched, MonitoringSettings settings) {
    super(scope, id);
    this.prefix = prefix;
    topic =
        Topic.Builder.create(this, "AlarmTopic")
            .topicName(prefix + "-alarms")
            .displayName("Printrelay alarms (" + prefix + ")")
            .build();
    settings.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));

    queueAlarms(watched.queues(), settings);
    apiAlarms(watched.api(), settings);
    functionAlarms("api", watched.apiFunction(), 1, "the API function failed or timed out");
    functionAlarms(
        "sweep",
        watched.sweepFunction(),
        settings.sweepFailedRuns(),
        "the dispatch sweep failed (re-sends, dead letters, label expiry, printer figures)");
    alarm(
        "printer-offline",
        sweepFigure(OFFLINE_PRINTERS),
        1,
        settings.offlinePrinterMinutes(),
        "A printer has shown offline (its agent silent, or the agent cannot reach it) for "
            + settings.offlinePrinterMinutes()
            + " minutes; the sweep's log line names it (offlinePrinterIds)");

    dashboard =
        Dashboard.Builder.create(this, "Dashboard")
            .dashboardName(prefix)
            .widgets(widgets(watched))
            .build();
  }

  public ITopic topic() {
    return topic;
  }

  public String dashboardName() {
    return dashboard.getDashboardName();
  }

  private void queueAlarms(Queues queues, MonitoringSettings settings) {
    List<IQueue> deadLetters = queues.deadLetters();
    for (int i = 0; i < Queues.PRIORITIES.size(); i++) {
      String tier = Queues.PRIORITIES.get(i);
      IQueue main = queues.byPriority().get(tier);
      // A message there is a job that failed 100 receives; the sweep marks its job.
      alarm(
          "dead-letters-" + tier,
          deadLetters.get(i).metricApproximateNumberOfMessagesVisible(options(MINUTE, "Maximum")),
          1,
          1,
          "A message is in the " + tier + " dead-letter queue");
      alarm(
          "queue-age-" + tier,
          main.metricApproximateAgeOfOldestMessage(options(FIVE_MINUTES, "Maximum")),
          settings.queueAgeMinutes() * 60,
          1,
          "The oldest message in the "
              + tier
              + " queue has waited over "
              + settings.queueAgeMinutes()
              + " minutes");
    }
  }

  private void apiAlarms(HttpApi api, MonitoringSettings settings) {
    // No requests, no data point (or 0): a quiet night is not an alarm.
    alarm(
        "api-5xx",
        MathExpression.Builder.create()
            .expression("IF(requests > 0, 100 * errors / requests, 0)")
            // Sorted: the template's order of the two stays the same from one synth to the next.
            .usingMetrics(
                new TreeMap<>(
                    Map.of(
                        "errors",
                        api.metricServerError(options(FIVE_MINUTES, "Sum")),
                        "requests",
                        api.metricCount(options(FIVE_MINUTES, "Sum")))))
            .period(FIVE_MINUTES)
            .label("5xx answers, % of requests")
            .build(),
        settings.api5xxPercent(),
        1,
        "Over " + settings.api5xxPercent() + "% of the API's answers in 5 minutes were 5xx");
  }

  private void functionAlarms(String name, IFunction function, int errors, String what) {
    alarm(
        name + "-errors",
        function.metricErrors(options(FIVE_MINUTES, "Sum")),
        errors,
        1,
        "Within 5 minutes " + what + " " + errors + " time(s) or more");
    // The API's reserved concurrency reached, or the account's: callers got errors.
    alarm(
        name + "-throttles",
        function.metricThrottles(options(FIVE_MINUTES, "Sum")),
        1,
        1,
        "Lambda refused to run the " + name + " function (throttled)");
  }

  /**
   * An alarm at {@code threshold} or above for {@code periods} periods in a row, to the topic when
   * it fires and when it clears. Missing data (no traffic, no message) is no alarm.
   */
  private void alarm(String name, IMetric metric, double threshold, int periods, String what) {
    Alarm alarm =
        Alarm.Builder.create(this, name)
            .alarmName(prefix + "-" + name)
            .alarmDescription(what + ". Runbook: docs/deploy.md, \"" + prefix + "-" + name + "\"")
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .evaluationPeriods(periods)
            .datapointsToAlarm(periods)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    SnsAction action = new SnsAction(topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    alarms.add(alarm);
  }

  private Metric sweepFigure(String name) {
    return sweepFigure(name, "Maximum");
  }

  /** Maximum for a level the sweep saw; Sum for a count of what happened between its runs. */
  private Metric sweepFigure(String name, String statistic) {
    return Metric.Builder.create()
        .namespace(NAMESPACE)
        .metricName(name)
        .dimensionsMap(Map.of(DIMENSION, prefix))
        .statistic(statistic)
        .period(MINUTE)
        .build();
  }

  private static MetricOptions options(Duration period, String statistic) {
    return MetricOptions.builder().period(period).statistic(statistic).build();
  }

  private List<List<IWidget>> widgets(Watched watched) {
    List<IMetric> ages = new ArrayList<>();
    List<IMetric> deleted = new ArrayList<>();
    watched
        .queues()
        .byPriority()
        .forEach(
            (tier, queue) -> {
              ages.add(
                  queue.metricApproximateAgeOfOldestMessage(
                      MetricOptions.builder()
                          .period(MINUTE)
                          .statistic("Maximum")
                          .label(tier)
                          .build()));
              deleted.add(
                  queue.metricNumberOfMessagesDeleted(
                      MetricOptions.builder().period(MINUTE).statistic("Sum").label(tier).build()));
            });
    List<IMetric> deadLetters =
        watched.queues().deadLetters().stream()
            .map(
                queue ->
                    (IMetric)
                        queue.metricApproximateNumberOfMessagesVisible(options(MINUTE, "Maximum")))
            .toList();
    HttpApi api = watched.api();
    return List.of(
        List.of(
            AlarmStatusWidget.Builder.create()
                .title("Alarms")
                .alarms(List.copyOf(alarms))
                .width(24)
                .height(4)
                .build()),
        List.of(
            graph(
                "Jobs per state (each sweep)", JOB_STATES.stream().map(this::sweepFigure).toList()),
            graph("Printers offline", List.of(sweepFigure(OFFLINE_PRINTERS))),
            graph("Jobs done: queue messages the agent deleted", deleted)),
        List.of(graph("Labels printed per minute", List.of(sweepFigure(LABELS_PRINTED, "Sum")))),
        List.of(
            graph("Oldest message per queue, seconds", ages),
            graph("Messages in the dead-letter queues", deadLetters),
            graph(
                "API requests, 4xx and 5xx",
                List.of(
                    api.metricCount(options(MINUTE, "Sum")),
                    api.metricClientError(options(MINUTE, "Sum")),
                    api.metricServerError(options(MINUTE, "Sum"))))),
        List.of(
            graph(
                "API latency, ms",
                List.of(
                    api.metricLatency(options(MINUTE, "p50")),
                    api.metricLatency(options(MINUTE, "p99")),
                    api.metricIntegrationLatency(options(MINUTE, "p99")))),
            graph(
                "Function errors and throttles",
                List.of(
                    watched.apiFunction().metricErrors(labelled("API errors")),
                    watched.apiFunction().metricThrottles(labelled("API throttles")),
                    watched.sweepFunction().metricErrors(labelled("sweep errors")),
                    watched.sweepFunction().metricThrottles(labelled("sweep throttles")))),
            graph(
                "Function duration p99, ms",
                List.of(
                    watched
                        .apiFunction()
                        .metricDuration(
                            MetricOptions.builder().statistic("p99").label("API").build()),
                    watched
                        .sweepFunction()
                        .metricDuration(
                            MetricOptions.builder().statistic("p99").label("sweep").build())))));
  }

  private static MetricOptions labelled(String label) {
    return MetricOptions.builder().period(MINUTE).statistic("Sum").label(label).build();
  }

  private static IWidget graph(String title, List<? extends IMetric> metrics) {
    return GraphWidget.Builder.create()
        .title(title)
        .left(List.copyOf(metrics))
        .width(8)
        .height(6)
        .build();
  }
}
