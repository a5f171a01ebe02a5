package io.printrelay.local.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one table the bench prints: a row per figure, a column per scenario, with the requests per
 * label of each operation under the DynamoDB and SQS totals. Rows no scenario filled are left out.
 */
final class ResultTable {
  private static final int GAP = 2;

  private ResultTable() {}

  static String render(List<Column> columns) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (Row row : Row.values()) {
      rows.put(row.title(), columns.stream().map(c -> c.cell(row)).toList());
      if (row == Row.DYNAMODB) {
        operations(columns, Column::dynamoDbOperations, rows);
      } else if (row == Row.SQS) {
        operations(columns, Column::sqsOperations, rows);
      }
    }
    rows.values().removeIf(cells -> cells.stream().allMatch("-"::equals));

    int titleWidth = rows.keySet().stream().mapToInt(String::length).max().orElse(0) + GAP;
    List<Integer> widths = new ArrayList<>();
    int headingLines = 0;
    for (int i = 0; i < columns.size(); i++) {
      int index = i;
      int width = columns.get(i).heading().stream().mapToInt(String::length).max().orElse(0);
      width =
          Math.max(
              width, rows.values().stream().mapToInt(c -> c.get(index).length()).max().orElse(0));
      widths.add(width + GAP);
      headingLines = Math.max(headingLines, columns.get(i).heading().size());
    }

    StringBuilder out = new StringBuilder();
    for (int line = 0; line < headingLines; line++) {
      List<String> cells = new ArrayList<>();
      for (Column column : columns) {
        cells.add(line < column.heading().size() ? column.heading().get(line) : "");
      }
      out.append(line(" ".repeat(titleWidth), cells, widths));
    }
    out.append("-".repeat(titleWidth + widths.stream().mapToInt(Integer::intValue).sum()))
        .append('\n');
    rows.forEach((title, cells) -> out.append(line(pad(title, titleWidth), cells, widths)));
    return out.toString();
  }

  /** One row per operation, the busiest first, each " Name" with its requests per label. */
  private static void operations(
      List<Column> columns,
      Function<Column, Map<String, Double>> perLabel,
      Map<String, List<String>> rows) {
    Map<String, Double> busiest = new LinkedHashMap<>();
    columns.forEach(c -> perLabel.apply(c).forEach((op, n) -> busiest.merge(op, n, Math::max)));
    busiest.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e ->
                rows.put(
                    "  " + e.getKey(),
                    columns.stream()
                        .map(
                            c -> {
                              Double n = perLabel.apply(c).get(e.getKey());
                              return n == null ? "-" : Figures.ratio(n);
                            })
                        .toList()));
  }

  private static String line(String title, List<String> cells, List<Integer> widths) {
    StringBuilder line = new StringBuilder(title);
    for (int i = 0; i < cells.size(); i++) {
      line.append(pad(cells.get(i), widths.get(i)));
    }
    return line.toString().stripTrailing() + "\n";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
