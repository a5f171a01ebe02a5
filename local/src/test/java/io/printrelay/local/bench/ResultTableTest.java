package io.printrelay.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.local.awsproxy.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void printsOneRowPerFigureWithEachOperationUnderItsServiceBusiestFirst() {
    Column a =
        new Column("a: 10 labels", "0 ms")
            .put(Row.LAST_LABEL, "1.50 s")
            .usage(
                usage(
                    Map.of("TransactWriteItems", 20L, "GetItem", 1L), Map.of("ReceiveMessage", 2L)),
                10);
    Column d =
        new Column("d: 2 printers")
            .put(Row.LAST_LABEL, "not finished in 5 s (3 of 4)")
            .usage(usage(Map.of("Query", 4L), Map.of()), 4);

    List<String> lines = ResultTable.render(List.of(a, d)).lines().toList();

    assertThat(lines.get(0)).contains("a: 10 labels").contains("d: 2 printers");
    assertThat(lines.get(1)).contains("0 ms");
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("submit answered → last label on paper")
                    .contains("1.50 s")
                    .endsWith("not finished in 5 s (3 of 4)"));
    assertThat(lines)
        .filteredOn(line -> line.matches("  [A-Z]\\w+ .*"))
        .extracting(line -> line.strip().split("\\s+")[0])
        .containsExactly("TransactWriteItems", "Query", "GetItem", "ReceiveMessage");
    assertThat(lines).anySatisfy(line -> assertThat(line).matches("  Query +- +1\\.00"));
    assertThat(lines)
        .as("a row no scenario filled is left out")
        .noneMatch(line -> line.startsWith(Row.OUTAGE_PRINTED.title()));
  }

  private static Usage usage(Map<String, Long> dynamoDb, Map<String, Long> sqs) {
    return new Usage(
        new Traffic(dynamoDb, 8.0, 0),
        new Traffic(sqs, 0, 0),
        Duration.ofMillis(40),
        100 * 1024,
        150 * 1024);
  }
}
