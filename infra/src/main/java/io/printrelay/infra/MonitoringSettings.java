package io.printrelay.infra;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What tells the engineer on call, and when: where alarms go, how long the functions' logs are
 * kept, and the alarms' thresholds, read from CDK context ({@code -c name=value}).
 *
 * @param alarmEmail an address subscribed to the alarm topic (SNS asks it to confirm first); empty
 *     for none: subscribe later, to the topic the {@code AlarmTopicArn} output names
 * @param logRetentionDays days CloudWatch Logs keeps each function's log; one of the values
 *     CloudWatch Logs accepts ({@link #RETENTION_DAYS})
 * @param queueAgeMinutes a main queue whose oldest message has waited this long alarms: nothing
 *     takes its messages (no agent polling) or a printer is held up that long
 * @param api5xxPercent the share of the API's answers in 5 minutes that may be 5xx before it alarms
 * @param offlinePrinterMinutes a printer that shows offline (its agent silent, or the printer
 *     unreachable) this many minutes in a row alarms; paused printers never do
 * @param sweepFailedRuns failed runs of the dispatch sweep within 5 minutes (one run a minute) that
 *     alarm; one failed run is retried by the next a minute later
 */
public record MonitoringSettings(
    Optional<String> alarmEmail,
    int logRetentionDays,
    int queueAgeMinutes,
    int api5xxPercent,
    int offlinePrinterMinutes,
    int sweepFailedRuns) {

  /** The retention periods CloudWatch Logs accepts, in days. */
  static final List<Integer> RETENTION_DAYS =
      List.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  // SQS keeps a message 14 days: an older one cannot be waiting.
  private static final int MAX_QUEUE_AGE_MINUTES = 14 * 24 * 60;
  // CloudWatch evaluates at most a day of one-minute periods.
  private static final int MAX_OFFLINE_MINUTES = 24 * 60;
  private static final int SWEEP_WINDOW_RUNS = 5;

  // After the constants its constructor checks against.
  public static final MonitoringSettings DEFAULT =
      new MonitoringSettings(Optional.empty(), 30, 30, 5, 5, 3);

  public MonitoringSettings {
    alarmEmail = alarmEmail.map(String::strip).filter(email -> !email.isEmpty());
    alarmEmail.ifPresent(
        email ->
            PrintrelaySettings.require(
                EMAIL.matcher(email).matches(), "alarmEmail", email, "an e-mail address"));
    PrintrelaySettings.require(
        RETENTION_DAYS.contains(logRetentionDays),
        "logRetentionDays",
        logRetentionDays,
        "one of " + RETENTION_DAYS + " (what CloudWatch Logs accepts)");
    PrintrelaySettings.require(
        queueAgeMinutes >= 1 && queueAgeMinutes <= MAX_QUEUE_AGE_MINUTES,
        "queueAgeMinutes",
        queueAgeMinutes,
        "1 to " + MAX_QUEUE_AGE_MINUTES + " (SQS keeps a message 14 days)");
    PrintrelaySettings.require(
        api5xxPercent >= 1 && api5xxPercent <= 100, "api5xxPercent", api5xxPercent, "1 to 100");
    PrintrelaySettings.require(
        offlinePrinterMinutes >= 1 && offlinePrinterMinutes <= MAX_OFFLINE_MINUTES,
        "offlinePrinterMinutes",
        offlinePrinterMinutes,
        "1 to " + MAX_OFFLINE_MINUTES);
    PrintrelaySettings.require(
        sweepFailedRuns >= 1 && sweepFailedRuns <= SWEEP_WINDOW_RUNS,
        "sweepFailedRuns",
        sweepFailedRuns,
        "1 to " + SWEEP_WINDOW_RUNS + " (runs within 5 minutes)");
  }

  static MonitoringSettings fromContext(Function<String, Object> context) {
    Object email = context.apply("alarmEmail");
    return new MonitoringSettings(
        Optional.ofNullable(email).map(Object::toString),
        PrintrelaySettings.number(context, "logRetentionDays", DEFAULT.logRetentionDays()),
        PrintrelaySettings.number(context, "queueAgeMinutes", DEFAULT.queueAgeMinutes()),
        PrintrelaySettings.number(context, "api5xxPercent", DEFAULT.api5xxPercent()),
        PrintrelaySettings.number(
            context, "offlinePrinterMinutes", DEFAULT.offlinePrinterMinutes()),
        PrintrelaySettings.number(context, "sweepFailedRuns", DEFAULT.sweepFailedRuns()));
  }
}
