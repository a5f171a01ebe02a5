package io.printrelay.virtualprinter;

import static io.printrelay.virtualprinter.PrinterClient.WAIT;
import static io.printrelay.virtualprinter.PrinterClient.assertClosedByPrinter;
import static io.printrelay.virtualprinter.PrinterClient.connect;
import static io.printrelay.virtualprinter.PrinterClient.label;
import static io.printrelay.virtualprinter.PrinterClient.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What keeps a long-running printer's memory bounded and its one connection slot free. */
class VirtualPrinterLimitsTest {

  private final List<VirtualPrinter> printers = new ArrayList<>();

  @AfterEach
  void closePrinters() {
    printers.forEach(VirtualPrinter::close);
  }

  private VirtualPrinter start(VirtualPrinterBuilder builder) {
    VirtualPrinter printer = builder.perLabel(Duration.ZERO).start();
    printers.add(printer);
    return printer;
  }

  @Test
  void remembersOnlyTheLastLabelsAndPartialsButCountsEveryLabel() throws IOException {
    VirtualPrinter printer = start(VirtualPrinter.builder("history").keepLast(3));
    List<String> labels =
        IntStream.rangeClosed(1, 10).mapToObj(i -> label("history " + i)).toList();
    StringBuilder stream = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      stream.append("junk ").append(i + 1).append(labels.get(i)); // each junk is one partial
    }
    try (Socket socket = connect(printer)) {
      send(socket, stream.toString());
      await().atMost(WAIT).until(() -> printer.printedCount() == 10);
    }
    assertThat(printer.printed()).containsExactlyElementsOf(labels.subList(7, 10));
    assertThat(printer.partials()).containsExactly("junk 8", "junk 9", "junk 10");
  }

  @Test
  void unfinishedFormatOverTheLimitIsDiscardedAndItsConnectionClosed() throws IOException {
    VirtualPrinter printer = start(VirtualPrinter.builder("limit").maxFormatBytes(16 * 1024));
    String nearTheLimit = label("x".repeat(12 * 1024));
    String neverEnds = "^XA^FD" + "y".repeat(256 * 1024);
    try (Socket socket = connect(printer)) {
      send(socket, nearTheLimit);
      await().atMost(WAIT).until(() -> printer.printedCount() == 1);
      try {
        send(socket, neverEnds);
      } catch (IOException resetWhileWriting) {
        // the printer may close before the sender has written it all
      }
      assertClosedByPrinter(socket);
    }
    assertThat(printer.printed()).containsExactly(nearTheLimit);
    assertThat(printer.partials()).isEmpty(); // discarded, and only logged

    try (Socket socket = connect(printer)) {
      send(socket, label("next sender"));
      await().atMost(WAIT).until(() -> printer.printedCount() == 2);
    }
    assertThat(printer.printed()).containsExactly(nearTheLimit, label("next sender"));
  }

  @Test
  void silentConnectionIsClosedSoTheNextSenderIsServed() throws IOException {
    VirtualPrinter printer =
        start(VirtualPrinter.builder("idle").idleTimeout(Duration.ofMillis(300)));
    try (Socket silent = connect(printer);
        Socket waiting = connect(printer)) {
      long t0 = System.nanoTime();
      send(silent, "^XA^FDhalf a la");
      send(waiting, label("waiting in the backlog"));

      assertClosedByPrinter(silent);
      assertThat((System.nanoTime() - t0) / 1_000_000)
          .as("ms until closed")
          .isGreaterThanOrEqualTo(250);
      await().atMost(WAIT).until(() -> printer.printedCount() == 1);
    }
    assertThat(printer.printed()).containsExactly(label("waiting in the backlog"));
    assertThat(printer.partials()).containsExactly("^XA^FDhalf a la");
  }

  @Test
  void senderWaitingForRoomInAFullBufferIsNotIdle() throws IOException {
    VirtualPrinter printer =
        start(
            VirtualPrinter.builder("full")
                .idleTimeout(Duration.ofSeconds(1))
                .maxBufferedFormats(1)
                .paperOut(true));
    try (Socket socket = connect(printer)) {
      send(socket, label("1") + label("2") + label("3"));
      // The printer reads no further while its buffer is full: longer than the idle timeout.
      await()
          .during(Duration.ofMillis(1500))
          .atMost(WAIT)
          .until(() -> printer.bufferedCount() == 1);

      printer.paperOut(false);
      await().atMost(WAIT).until(() -> printer.printedCount() == 3);
      send(socket, label("4"));
      await().atMost(WAIT).until(() -> printer.printedCount() == 4);
    }
    assertThat(printer.connectionCount()).isEqualTo(1);
    assertThat(printer.printed()).containsExactly(label("1"), label("2"), label("3"), label("4"));
  }
}
