package io.printrelay.function.printers;

import static io.printrelay.function.testing.Printers.aPrinter;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Printer;
import io.printrelay.model.PrinterState;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrinterStatusTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  private static final Duration OFFLINE_AFTER = Duration.ofSeconds(45);

  static Stream<Arguments> printers() {
    return Stream.of(
        Arguments.of(aPrinter("a").seen(NOW).build(), "ready", null),
        Arguments.of(
            aPrinter("a").seen(NOW.minusSeconds(45)).printing("j").build(), "printing", null),
        Arguments.of(
            aPrinter("a").seen(NOW.minusSeconds(46)).build(),
            "offline",
            "agent silent since 2026-03-01T07:59:14Z"),
        Arguments.of(aPrinter("a").seen(null).build(), "offline", "its agent has not reported yet"),
        Arguments.of(
            aPrinter("a").seen(NOW).state(PrinterState.OFFLINE, "no route").build(),
            "offline",
            "no route"),
        Arguments.of(
            aPrinter("a").seen(NOW).state(PrinterState.ERROR, "head open").build(),
            "error",
            "head open"),
        Arguments.of(
            aPrinter("a").seen(NOW.minusSeconds(600)).paused().build(),
            "paused",
            "paused by an operator"),
        Arguments.of(
            aPrinter("a").seen(NOW).state(PrinterState.ERROR, "paper out").paused().build(),
            "paused",
            "paused by an operator (agent: paper out)"));
  }

  @ParameterizedTest
  @MethodSource("printers")
  void statusComesFromThePauseThenTheHeartbeatThenTheAgentsReport(
      Printer printer, String status, String detail) {
    assertThat(PrinterStatus.of(printer, NOW, OFFLINE_AFTER))
        .isEqualTo(new PrinterStatus(status, detail));
  }
}
