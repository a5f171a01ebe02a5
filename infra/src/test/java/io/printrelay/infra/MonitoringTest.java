package io.printrelay.infra;

import static io.printrelay.infra.SynthesizedStack.PREFIX;
import static io.printrelay.infra.SynthesizedStack.logicalId;
import static io.printrelay.infra.SynthesizedStack.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.printrelay.function.metrics.EmbeddedMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The alarms, where they go, the dashboard and log retention, as the shared stack's context sets
 * them (alarmEmail, logRetentionDays 90, queueAgeMinutes 20, api5xxPercent 10,
 * offlinePrinterMinutes 10, sweepFailedRuns 2).
 */
class MonitoringTest {
  private static final String API_HANDLER = "io.printrelay.function.lambda.ApiGatewayHandler";
  private static final String SWEEP_HANDLER =
      "io.printrelay.function.dispatch.DispatchSweepHandler::handleRequest";

  @Test
  void alarmsGoToOneTopicWhichMailsTheAddressGiven() {
    template().resourceCountIs("AWS::SNS::Topic", 1);
    String topic = logicalId("AWS::SNS::Topic", Map.of("TopicName", PREFIX + "-alarms"));
    template()
        .hasResourceProperties(
            "AWS::SNS::Subscription",
            Map.of(
                "Protocol",
                "email",
                "Endpoint",
                SynthesizedStack.ALARM_EMAIL,
                "TopicArn",
                Map.of("Ref", topic)));
    template().hasOutput("AlarmTopicArn", Map.of("Value", Map.of("Ref", topic)));
  }

  @Test
  void withoutAnAlarmEmailTheTopicHasNoSubscriberAndDefaultsApply() {
    Template bare =
        Template.fromStack(
            SynthesizedStack.synthesize(
                Map.of(
                    "alarmEmail",
                    "",
                    "logRetentionDays",
                    "",
                    "offlinePrinterMinutes",
                    "",
                    "queueAgeMinutes",
                    "")));

    bare.resourceCountIs("AWS::SNS::Topic", 1);
    bare.resourceCountIs("AWS::SNS::Subscription", 0);
    bare.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    bare.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of("AlarmName", PREFIX + "-printer-offline", "EvaluationPeriods", 5));
    bare.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of("AlarmName", PREFIX + "-queue-age-high", "Threshold", 1800));
  }

  @ParameterizedTest
  @ValueSource(strings = {"high", "normal", "low"})
  void anyMessageInADeadLetterQueueAlarms(String tier) {
    String deadLetters =
        logicalId("AWS::SQS::Queue", Map.of("QueueName", PREFIX + "-" + tier + "-dlq.fifo"));
    alarm(
        "dead-letters-" + tier,
        Map.of(
            "Namespace",
            "AWS/SQS",
            "MetricName",
            "ApproximateNumberOfMessagesVisible",
            "Dimensions",
            List.of(
                Map.of(
                    "Name",
                    "QueueName",
                    "Value",
                    Map.of("Fn::GetAtt", List.of(deadLetters, "QueueName")))),
            "Threshold",
            1,
            "ComparisonOperator",
            "GreaterThanOrEqualToThreshold",
            "EvaluationPeriods",
            1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"high", "normal", "low"})
  void aMainQueuesOldestMessageOlderThanTheThresholdAlarms(String tier) {
    String queue = logicalId("AWS::SQS::Queue", Map.of("QueueName", PREFIX + "-" + tier + ".fifo"));
    alarm(
        "queue-age-" + tier,
        Map.of(
            "Namespace",
            "AWS/SQS",
            "MetricName",
            "ApproximateAgeOfOldestMessage",
            "Statistic",
            "Maximum",
            "Dimensions",
            List.of(
                Map.of(
                    "Name",
                    "QueueName",
                    "Value",
                    Map.of("Fn::GetAtt", List.of(queue, "QueueName")))),
            "Threshold",
            20 * 60));
  }

  @Test
  void theApisShareOf5xxAnswersAlarms() {
    String api = logicalId("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP"));
    alarm(
        "api-5xx",
        Map.of(
            "Threshold",
            10,
            "Metrics",
            Match.arrayWith(
                List.of(
                    Match.objectLike(
                        Map.of("Expression", "IF(requests > 0, 100 * errors / requests, 0)")),
                    apiMetric("errors", "5xx", api),
                    apiMetric("requests", "Count", api)))));
  }

  private static Object apiMetric(String id, String name, String api) {
    return Match.objectLike(
        Map.of(
            "Id",
            id,
            "MetricStat",
            Match.objectLike(
                Map.of(
                    "Metric",
                    Map.of(
                        "Namespace",
                        "AWS/ApiGateway",
                        "MetricName",
                        name,
                        "Dimensions",
                        List.of(Map.of("Name", "ApiId", "Value", Map.of("Ref", api))))))));
  }

  @Test
  void errorsAndThrottlesOfEachFunctionAlarm() {
    String apiFunction = logicalId("AWS::Lambda::Function", Map.of("Handler", API_HANDLER));
    String sweepFunction = logicalId("AWS::Lambda::Function", Map.of("Handler", SWEEP_HANDLER));
    alarm("api-errors", lambdaMetric("Errors", apiFunction, 1));
    alarm("api-throttles", lambdaMetric("Throttles", apiFunction, 1));
    alarm("sweep-errors", lambdaMetric("Errors", sweepFunction, 2));
    alarm("sweep-throttles", lambdaMetric("Throttles", sweepFunction, 1));
  }

  @Test
  void aPrinterOfflineForLongerThanTheThresholdAlarms() {
    alarm(
        "printer-offline",
        Map.of(
            "Namespace",
            "Printrelay",
            "MetricName",
            "OfflinePrinters",
            "Statistic",
            "Maximum",
            "Period",
            60,
            "Dimensions",
            List.of(Map.of("Name", "Deployment", "Value", PREFIX)),
            "Threshold",
            1,
            "EvaluationPeriods",
            10,
            "DatapointsToAlarm",
            10));
  }

  @Test
  void theStackReadsTheMetricsTheSweepPublishes() {
    assertThat(Monitoring.NAMESPACE).isEqualTo(EmbeddedMetrics.NAMESPACE);
    assertThat(Monitoring.DIMENSION).isEqualTo(EmbeddedMetrics.DIMENSION);
    assertThat(Monitoring.OFFLINE_PRINTERS).isEqualTo(EmbeddedMetrics.OFFLINE_PRINTERS);
    assertThat(Monitoring.JOB_STATES)
        .containsExactly(
            EmbeddedMetrics.JOBS_QUEUED,
            EmbeddedMetrics.JOBS_PRINTING,
            EmbeddedMetrics.JOBS_PAUSED);
    assertThat(Monitoring.LABELS_PRINTED).isEqualTo(EmbeddedMetrics.LABELS_PRINTED);
  }

  @Test
  void everyAlarmTellsTheTopicWhenItFiresAndWhenItClears() {
    String topic = logicalId("AWS::SNS::Topic", Map.of());
    Map<String, Map<String, Object>> alarms = template().findResources("AWS::CloudWatch::Alarm");
    assertThat(alarms).hasSize(12);
    template()
        .allResourcesProperties(
            "AWS::CloudWatch::Alarm",
            Map.of(
                "AlarmActions",
                List.of(Map.of("Ref", topic)),
                "OKActions",
                List.of(Map.of("Ref", topic)),
                "TreatMissingData",
                "notBreaching",
                "AlarmDescription",
                Match.stringLikeRegexp(".*Runbook: docs/deploy.md.*")));
  }

  @Test
  void theDashboardChartsJobsPrintersQueuesAndTheApi() throws Exception {
    template().hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", PREFIX));
    template().hasOutput("DashboardName", Match.anyValue());
    String body =
        new ObjectMapper()
            .writeValueAsString(
                SynthesizedStack.properties(logicalId("AWS::CloudWatch::Dashboard", Map.of()))
                    .get("DashboardBody"));

    assertThat(body)
        .contains(
            "Jobs per state",
            "JobsQueued",
            "JobsPrinting",
            "JobsPaused",
            "OfflinePrinters",
            "ApproximateAgeOfOldestMessage",
            "NumberOfMessagesDeleted",
            "ApproximateNumberOfMessagesVisible",
            "API latency",
            "\\\"Latency\\\"",
            "IntegrationLatency",
            "5xx",
            "alarm");
  }

  @Test
  void theDashboardChartsTheLabelsPrintedPerMinuteAsASum() throws Exception {
    String body =
        new ObjectMapper()
            .writeValueAsString(
                SynthesizedStack.properties(logicalId("AWS::CloudWatch::Dashboard", Map.of()))
                    .get("DashboardBody"));

    assertThat(body).contains("Labels printed per minute");
    // The metric's entry, up to its closing bracket: the sweep's count summed over each minute.
    assertThat(body.replace("\\\"", "\""))
        .containsPattern("\"LabelsPrinted\"[^\\]]*\"stat\":\"Sum\"");
  }

  @Test
  void everyFunctionLogsToItsOwnGroupKeptForTheConfiguredDays() {
    template().resourceCountIs("AWS::Logs::LogGroup", 2);
    template().allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
    for (String handler : List.of(API_HANDLER, SWEEP_HANDLER)) {
      template()
          .hasResourceProperties(
              "AWS::Lambda::Function",
              Map.of(
                  "Handler",
                  handler,
                  "LoggingConfig",
                  Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp(".*Logs.*")))));
    }
    // Each function its own group.
    assertThat(
            template().findResources("AWS::Lambda::Function").values().stream()
                .map(MonitoringTest::logGroupOf)
                .distinct())
        .hasSize(2);
  }

  @SuppressWarnings("unchecked")
  private static Object logGroupOf(Map<String, Object> function) {
    Map<String, Object> properties = (Map<String, Object>) function.get("Properties");
    return ((Map<String, Object>) properties.get("LoggingConfig")).get("LogGroup");
  }

  private static Map<String, Object> lambdaMetric(String name, String function, int threshold) {
    return Map.of(
        "Namespace",
        "AWS/Lambda",
        "MetricName",
        name,
        "Statistic",
        "Sum",
        "Period",
        300,
        "Dimensions",
        List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function))),
        "Threshold",
        threshold);
  }

  private static void alarm(String name, Map<String, Object> properties) {
    template()
        .hasResourceProperties(
            "AWS::CloudWatch::Alarm",
            Match.objectLike(merged(Map.of("AlarmName", PREFIX + "-" + name), properties)));
  }

  private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
    var all = new java.util.HashMap<String, Object>(a);
    all.putAll(b);
    return all;
  }
}
