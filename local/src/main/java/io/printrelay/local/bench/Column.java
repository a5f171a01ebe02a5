package io.printrelay.local.bench;

import io.printrelay.local.awsproxy.Traffic;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scenario's figures: a heading and a cell per {@link Row}, plus requests per label for each
 * DynamoDB and SQS operation the agent called. A row left empty prints as "-".
 */
final class Column {
  private final List<String> heading;
  private final Map<Row, String> cells = new EnumMap<>(Row.class);
  private final Map<String, Double> dynamoDbOperations = new TreeMap<>();
  private final Map<String, Double> sqsOperations = new TreeMap<>();

  Column(String... heading) {
    this.heading = List.of(heading);
  }

  Column put(Row row, String value) {
    cells.put(row, value);
    return this;
  }

  /** The agent's use of the cloud and of the machine, per label on paper. */
  Column usage(Usage usage, int labels) {
    if (labels == 0) {
      put(Row.DYNAMODB, "no label printed");
      return this;
    }
    put(Row.DYNAMODB, Figures.perLabel(usage.dynamoDb().total(), labels));
    put(Row.WRITE_UNITS, Figures.perLabel(usage.dynamoDb().writeUnits(), labels));
    put(Row.SQS, Figures.perLabel(usage.sqs().total(), labels));
    put(Row.CPU, String.format("%.1f", usage.cpu().toNanos() / 1e6 / labels));
    put(
        Row.MEMORY,
        Figures.mib(usage.residentIdleKib()) + " / " + Figures.mib(usage.residentPeakKib()));
    long lost = usage.dynamoDb().unanswered() + usage.sqs().unanswered();
    if (lost > 0) {
      put(Row.UNANSWERED, Long.toString(lost));
    }
    perOperation(usage.dynamoDb(), labels, dynamoDbOperations);
    perOperation(usage.sqs(), labels, sqsOperations);
    return this;
  }

  /** How far the API's printed count strayed from the paper's, as the watch saw it. */
  Column apiLag(LagWatch watch) {
    put(Row.API_BEHIND, Integer.toString(watch.maxBehind()));
    return put(Row.API_AHEAD, watch.maxAhead() == 0 ? "never" : Integer.toString(watch.maxAhead()));
  }

  private static void perOperation(Traffic traffic, int labels, Map<String, Double> into) {
    traffic.byOperation().forEach((operation, n) -> into.put(operation, (double) n / labels));
  }

  List<String> heading() {
    return heading;
  }

  String cell(Row row) {
    return cells.getOrDefault(row, "-");
  }

  Map<String, Double> dynamoDbOperations() {
    return dynamoDbOperations;
  }

  Map<String, Double> sqsOperations() {
    return sqsOperations;
  }

  /** A column for a scenario that broke off; the error itself is printed above the table. */
  static Column failed(String name) {
    return new Column(name, "broke off").put(Row.LAST_LABEL, "error (see above)");
  }
}
