package io.printrelay.agent.printing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.printrelay.agent.printing.LoopbackPrinter.Mode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpLabelPrinterTest {
  private static final TcpLabelPrinter.Timeouts FAST =
      new TcpLabelPrinter.Timeouts(
          Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(300));

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closeLater = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closeLater) {
      c.close();
    }
    timer.shutdownNow();
  }

  @Test
  void eachLabelArrivesWholeOnOnePersistentConnection() throws Exception {
    LoopbackPrinter server = server(Mode.SILENT);
    TcpLabelPrinter printer = printer(server.port());
    byte[] big = ("RAW" + "x".repeat(200_000) + "END").getBytes(UTF_8);

    printer.print("HELLO ".getBytes(UTF_8));
    printer.print(big);
    printer.print(" BYE".getBytes(UTF_8));

    String expected = "HELLO " + new String(big, UTF_8) + " BYE";
    await().atMost(Duration.ofSeconds(5)).until(() -> server.received().equals(List.of(expected)));
  }

  @Test
  void aZplLabelIsPrintedOnlyOnceItLeftThePrintersBuffer() throws Exception {
    LoopbackPrinter server = server(Mode.ANSWER_STATUS);
    server.bufferCounts(2, 1, 0);
    TcpLabelPrinter printer = printer(server.port());

    printer.print("^XA^FDone^FS^XZ".getBytes(UTF_8));

    assertThat(server.statusQueries()).isEqualTo(3);
    assertThat(server.received()).singleElement().asString().startsWith("^XA^FDone^FS^XZ~HS");
    assertThat(problems).containsOnlyNulls();
  }

  @Test
  void aLabelWaitsWhileThePrinterIsOutOfPaperAndIsPrintedOnceItIsBack() throws Exception {
    LoopbackPrinter server = server(Mode.ANSWER_STATUS);
    server.paperOut(true);
    server.bufferCounts(1); // out of paper, the label stays in the printer's buffer
    TcpLabelPrinter printer = printer(server.port());

    Future<?> printing = inBackground(() -> printer.print("^XA^FDone^FS^XZ".getBytes(UTF_8)));

    await().atMost(Duration.ofSeconds(5)).until(() -> server.statusQueries() >= 3);
    assertThat(problems).contains("paper out");
    assertThat(printing).as("not printed while the paper is out").isNotDone();

    server.paperOut(false); // paper loaded: the printer prints the label
    server.bufferCounts(0);

    printing.get(5, TimeUnit.SECONDS);
    assertThat(problems).last().as("the problem is cleared once it prints").isNull();
  }

  @Test
  void aPrinterThatIgnoresHostStatusIsTrustedOnceWritten() throws Exception {
    LoopbackPrinter server = server(Mode.SILENT);
    TcpLabelPrinter printer = printer(server.port());

    printer.print("^XA^FDone^FS^XZ".getBytes(UTF_8)); // waits one status timeout, learns
    printer.print("^XA^FDtwo^FS^XZ".getBytes(UTF_8));
    printer.print("END".getBytes(UTF_8)); // not ZPL, so only written: marks the end of the stream

    // No second ~HS: the second label was trusted as soon as it was written.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> server.received().equals(List.of("^XA^FDone^FS^XZ~HS^XA^FDtwo^FS^XZEND")));
  }

  @Test
  void reconnectsWhenThePrinterClosedTheConnection() throws Exception {
    LoopbackPrinter server = server(Mode.CLOSE_AFTER_FIRST_READ);
    TcpLabelPrinter printer = printer(server.port());
    printer.print("FIRST".getBytes(UTF_8));
    await().atMost(Duration.ofSeconds(5)).until(() -> server.closedConnections() == 1);

    printer.print("SECOND".getBytes(UTF_8));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> server.received().equals(List.of("FIRST", "SECOND")));
  }

  @Test
  void aRefusedConnectionMeansNothingWasSent() throws Exception {
    int port;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = unused.getLocalPort();
    }
    TcpLabelPrinter printer = printer(port);

    assertThatThrownBy(() -> printer.print("X".getBytes(UTF_8)))
        .isInstanceOf(PrinterUnreachable.class)
        .hasMessageContaining("127.0.0.1:" + port);
    assertThatThrownBy(printer::connect).isInstanceOf(PrinterUnreachable.class);
  }

  @Test
  void aConnectThatHangsTimesOut() throws Exception {
    // A listener that never accepts: once its backlog is full, further SYNs go unanswered.
    ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    closeLater.add(full);
    fillBacklog(full.getLocalPort());
    TcpLabelPrinter printer = printer(full.getLocalPort());
    long start = System.nanoTime();

    assertThatThrownBy(() -> printer.print("X".getBytes(UTF_8)))
        .isInstanceOf(PrinterUnreachable.class)
        .hasRootCauseInstanceOf(SocketTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("not before the connect timeout")
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  private void fillBacklog(int port) throws IOException {
    for (int i = 0; i < 50; i++) {
      Socket client = new Socket();
      closeLater.add(client);
      try {
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      } catch (SocketTimeoutException full) {
        return;
      }
    }
    throw new IllegalStateException("the backlog never filled up");
  }

  @Test
  void aStalledPrinterIsCutOffAndTheOutcomeIsUnknown() throws Exception {
    LoopbackPrinter server = server(Mode.NEVER_READ);
    TcpLabelPrinter printer = printer(server.port());
    byte[] huge = new byte[32 * 1024 * 1024]; // far more than the socket buffers hold

    // The printer reads nothing for a minute: only the write watchdog (500 ms) ends this in time.
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(() -> printer.print(huge))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(PrinterUnreachable.class));
  }

  @Test
  void aConnectionCutBeforeTheConfirmationIsAnUnknownOutcome() throws Exception {
    LoopbackPrinter server = server(Mode.RESET_ON_STATUS);
    TcpLabelPrinter printer = printer(server.port());

    assertThatThrownBy(() -> printer.print("^XA^FDcut^FS^XZ".getBytes(UTF_8)))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(PrinterUnreachable.class);
  }

  @Test
  void recognisesZplFormats() {
    assertThat(TcpLabelPrinter.isZplFormat("^XA^XZ".getBytes(UTF_8))).isTrue();
    assertThat(TcpLabelPrinter.isZplFormat("\r\n ^xa^fdx^fs^xz".getBytes(UTF_8))).isTrue();
    assertThat(TcpLabelPrinter.isZplFormat("SIZE 4,6\r\nPRINT 1".getBytes(UTF_8))).isFalse();
    assertThat(TcpLabelPrinter.isZplFormat("^X".getBytes(UTF_8))).isFalse();
  }

  private interface Printing {
    void run() throws IOException;
  }

  private Future<?> inBackground(Printing printing) {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    closeLater.add(thread::shutdownNow);
    return thread.submit(
        () -> {
          printing.run();
          return null;
        });
  }

  private LoopbackPrinter server(Mode mode) throws IOException {
    LoopbackPrinter server = new LoopbackPrinter(mode);
    closeLater.add(server);
    return server;
  }

  private TcpLabelPrinter printer(int port) {
    TcpLabelPrinter printer =
        new TcpLabelPrinter(
            new PrinterEndpoint("test", "127.0.0.1", port), FAST, timer, problems::add);
    closeLater.add(printer);
    return printer;
  }
}
