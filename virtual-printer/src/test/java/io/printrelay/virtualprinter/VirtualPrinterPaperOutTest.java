package io.printrelay.virtualprinter;

import static io.printrelay.virtualprinter.PrinterClient.WAIT;
import static io.printrelay.virtualprinter.PrinterClient.connect;
import static io.printrelay.virtualprinter.PrinterClient.hostStatus;
import static io.printrelay.virtualprinter.PrinterClient.label;
import static io.printrelay.virtualprinter.PrinterClient.send;
import static io.printrelay.virtualprinter.PrinterClient.string1Field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link VirtualPrinter#paperOut(boolean)}, seen the way the agent sees it: over TCP with {@code
 * ~HS}.
 */
class VirtualPrinterPaperOutTest {

  /**
   * String 1 of ~HS: aaa,b,... where b is the paper out flag and e (index 4) the formats waiting.
   */
  private static final int PAPER_OUT = 1;

  private static final int FORMATS_IN_BUFFER = 4;

  private final List<VirtualPrinter> printers = new ArrayList<>();

  @AfterEach
  void closePrinters() {
    printers.forEach(VirtualPrinter::close);
  }

  private VirtualPrinter start(VirtualPrinterBuilder builder) {
    VirtualPrinter printer = builder.start();
    printers.add(printer);
    return printer;
  }

  @Test
  void outOfPaperItKeepsFormatsInItsBufferAndReportsPaperOutUntilPaperIsBack() throws IOException {
    VirtualPrinter printer = start(VirtualPrinter.builder("paper").perLabel(Duration.ofMillis(10)));
    try (Socket socket = connect(printer)) {
      send(socket, label("before"));
      await().atMost(WAIT).until(() -> printer.printedCount() == 1);

      printer.paperOut(true);
      send(socket, label("1") + label("2"));
      String status = hostStatus(socket); // answered after both formats are in the buffer
      assertThat(string1Field(status, PAPER_OUT)).isEqualTo("1");
      assertThat(string1Field(status, FORMATS_IN_BUFFER)).isEqualTo("002");
      await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> printer.printedCount() == 1);

      printer.paperOut(false);
      await().atMost(WAIT).until(() -> printer.printedCount() == 3);
      status = hostStatus(socket);
      assertThat(string1Field(status, PAPER_OUT)).isEqualTo("0");
      assertThat(string1Field(status, FORMATS_IN_BUFFER)).isEqualTo("000");
    }
    assertThat(printer.printed()).containsExactly(label("before"), label("1"), label("2"));
  }

  @Test
  void labelOnTheHeadWhenPaperRunsOutGoesBackToTheBufferAndIsPrintedWholeOnce() throws IOException {
    VirtualPrinter printer =
        start(VirtualPrinter.builder("head").perLabel(Duration.ofMillis(1500)));
    try (Socket socket = connect(printer)) {
      send(socket, label("on the head") + label("waiting"));
      await()
          .atMost(WAIT)
          .until(() -> printer.hostStatus().labelsRemaining() == 1 && printer.bufferedCount() == 1);

      printer.paperOut(true);
      String status = hostStatus(socket);
      assertThat(string1Field(status, PAPER_OUT)).isEqualTo("1");
      assertThat(string1Field(status, FORMATS_IN_BUFFER)).isEqualTo("002");
      assertThat(printer.printedCount()).isZero();

      printer.paperOut(false);
      await().atMost(WAIT).until(() -> printer.printedCount() == 2);
    }
    assertThat(printer.printed()).containsExactly(label("on the head"), label("waiting"));
  }

  @Test
  void printerBuiltOutOfPaperPrintsOnlyOncePaperIsLoaded() throws IOException {
    VirtualPrinter printer =
        start(VirtualPrinter.builder("empty").perLabel(Duration.ZERO).paperOut(true));
    try (Socket socket = connect(printer)) {
      send(socket, label("first"));
      assertThat(string1Field(hostStatus(socket), PAPER_OUT)).isEqualTo("1");
      assertThat(printer.bufferedCount()).isEqualTo(1);

      printer.paperOut(false);
      await().atMost(WAIT).until(() -> printer.printedCount() == 1);
    }
    assertThat(printer.printed()).containsExactly(label("first"));
  }
}
