package io.printrelay.virtualprinter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualPrinterTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final List<VirtualPrinter> printers = new ArrayList<>();

  @AfterEach
  void closePrinters() {
    printers.forEach(VirtualPrinter::close);
  }

  private VirtualPrinter start(VirtualPrinter printer) {
    printers.add(printer);
    return printer;
  }

  private static String label(String text) {
    return "^XA^FO50,50^A0N,30,30^FD" + text + "^FS^XZ";
  }

  private static Socket connect(VirtualPrinter printer) throws IOException {
    Socket socket = new Socket(LOOPBACK, printer.port());
    socket.setSoTimeout((int) WAIT.toMillis()); // a hung read fails the test instead of hanging it
    return socket;
  }

  private static void send(Socket socket, String zpl) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(zpl.getBytes(UTF_8));
    out.flush();
  }

  @Test
  void printsFormatsInOrderAtItsPace() throws IOException {
    List<Long> printedAt = new CopyOnWriteArrayList<>();
    VirtualPrinter printer =
        start(
            VirtualPrinter.builder("pace")
                .perLabel(Duration.ofMillis(100))
                .onPrinted((number, format) -> printedAt.add(System.nanoTime()))
                .start());
    List<String> labels = IntStream.rangeClosed(1, 5).mapToObj(i -> label("pace " + i)).toList();
    try (Socket socket = connect(printer)) {
      send(socket, "\r\n" + String.join("\r\n", labels) + "\r\n");
      await().atMost(WAIT).until(() -> printedAt.size() == 5);
    }
    assertThat(printer.printed()).containsExactlyElementsOf(labels);
    // One at a time, each taking its print time: never faster (a slow machine only adds to it).
    for (int i = 1; i < 5; i++) {
      assertThat(Duration.ofNanos(printedAt.get(i) - printedAt.get(i - 1)))
          .as("between labels %d and %d", i, i + 1)
          .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
    assertThat(printer.partials()).isEmpty();
  }

  @Test
  void fastSenderIsBackPressured() throws Exception {
    VirtualPrinter printer =
        start(
            VirtualPrinter.builder("backpressure")
                .perLabel(Duration.ofMillis(50))
                .maxBufferedFormats(4)
                .maxBufferedBytes(64 * 1024)
                .socketReceiveBufferBytes(4096)
                .start());
    // 8 KiB formats, so the kernel buffers on both sides hold only a couple of them and the
    // sender can only finish once most of the 50 have left the printer's buffer.
    List<String> labels =
        IntStream.range(0, 50).mapToObj(i -> label("bp " + i + " " + "x".repeat(8000))).toList();
    printer.setPaused(true); // the head prints nothing until the sender is seen held back
    ExecutorService sender = Executors.newSingleThreadExecutor();
    try (Socket socket = new Socket()) {
      socket.setSendBufferSize(4096);
      socket.connect(new InetSocketAddress(LOOPBACK, printer.port()));
      Future<Integer> printedWhenSenderDone =
          sender.submit(
              () -> {
                OutputStream out = socket.getOutputStream();
                for (String label : labels) {
                  out.write(label.getBytes(UTF_8));
                }
                out.flush();
                return printer.printedCount();
              });

      // Without backpressure the writes finish at once; with it the sender waits for room.
      await().atMost(WAIT).until(() -> printer.bufferedCount() == 4);
      await("the sender held back while the buffer is full")
          .during(Duration.ofMillis(500))
          .atMost(WAIT)
          .until(() -> !printedWhenSenderDone.isDone() && printer.bufferedCount() == 4);

      printer.setPaused(false);
      assertThat(printedWhenSenderDone.get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .as("printed when the sender could finish")
          .isGreaterThanOrEqualTo(20);
      await().atMost(WAIT).until(() -> printer.printedCount() == 50);
    } finally {
      sender.shutdownNow();
    }
    assertThat(printer.printed()).containsExactlyElementsOf(labels);
  }

  @Test
  void refusedConnectionsAndListeningAgainOnTheSamePort() throws IOException {
    VirtualPrinter printer = start(VirtualPrinter.start("refuse", 0, Duration.ZERO));
    int port = printer.port();

    printer.refuseConnections(true);
    assertThatThrownBy(() -> new Socket(LOOPBACK, port).close())
        .isInstanceOf(ConnectException.class);

    printer.refuseConnections(false);
    assertThat(printer.port()).isEqualTo(port);
    try (Socket socket = new Socket(LOOPBACK, port)) {
      send(socket, label("after refusal"));
      await().atMost(WAIT).until(() -> printer.printedCount() == 1);
    }
    assertThat(printer.printed()).containsExactly(label("after refusal"));

    printer.refuseConnections(true);
    assertThatThrownBy(() -> new Socket(LOOPBACK, port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void droppedConnectionNeverPrintsTheCutFormat() throws IOException {
    VirtualPrinter printer = start(VirtualPrinter.start("drop", 0, Duration.ofMillis(10)));
    printer.dropConnectionAfter(3);
    String cut = "^XA^FO50,50^FDlabel 4 cut mid-";
    try (Socket socket = connect(printer)) {
      send(socket, label("1") + label("2") + label("3") + cut);
      assertConnectionCut(socket);
    }
    // Formats 1-3 were fully received and are printed; nothing else is left to print.
    await().atMost(WAIT).until(() -> printer.printedCount() == 3 && printer.bufferedCount() == 0);
    assertThat(printer.printed()).containsExactly(label("1"), label("2"), label("3"));
    assertThat(printer.partials()).containsExactly(cut);

    // A reconnecting sender is served normally; the drop fired only once.
    try (Socket socket = connect(printer)) {
      send(socket, label("4") + label("5"));
      await().atMost(WAIT).until(() -> printer.printedCount() == 5);
    }
    assertThat(printer.printed())
        .containsExactly(label("1"), label("2"), label("3"), label("4"), label("5"));
    assertThat(printer.connectionCount()).isEqualTo(2);
    assertThat(printer.printed()).noneMatch(p -> p.contains("cut mid-"));
  }

  /** The sender learns of the cut by EOF or a reset on its next read (or write). */
  private static void assertConnectionCut(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    int read;
    try {
      read = in.read();
    } catch (SocketException reset) {
      read = -1;
    }
    assertThat(read).as("read after the cut").isEqualTo(-1);
  }

  @Test
  void formatCutByTheSenderClosingIsRecordedAndNeverPrinted() throws IOException {
    VirtualPrinter printer = start(VirtualPrinter.start("partial", 0, Duration.ZERO));
    try (Socket socket = connect(printer)) {
      send(socket, label("whole") + "\r\n^XA^FDhalf a la");
    }
    await().atMost(WAIT).until(() -> printer.partials().size() == 1 && printer.printedCount() == 1);
    assertThat(printer.partials()).containsExactly("^XA^FDhalf a la");
    assertThat(printer.printed()).containsExactly(label("whole"));
  }

  @Test
  void hostStatusReportsBufferedFormatsPaperOutAndPause() throws IOException {
    VirtualPrinter printer = start(VirtualPrinter.start("hs", 0, Duration.ofMillis(10)));
    printer.paperOut(true);
    try (Socket socket = connect(printer)) {
      send(socket, label("1") + label("2") + label("3") + "~HS");
      HostStatus status = HostStatus.readFrom(socket.getInputStream());
      assertThat(status.paperOut()).isTrue();
      assertThat(status.paused()).isFalse();
      assertThat(status.formatsInBuffer()).isEqualTo(3);
      assertThat(printer.printedCount()).isZero();

      printer.paperOut(false);
      await().atMost(WAIT).until(() -> printer.printedCount() == 3);

      printer.setPaused(true);
      send(socket, "~hs");
      status = HostStatus.readFrom(socket.getInputStream());
      assertThat(status.paperOut()).isFalse();
      assertThat(status.paused()).isTrue();
      assertThat(status.formatsInBuffer()).isZero();
    }
  }

  @SuppressWarnings("try") // closing the first connection inside its block is the point
  @Test
  void servesOneConnectionAtATimeInOrder() throws IOException {
    VirtualPrinter printer = start(VirtualPrinter.start("serial", 0, Duration.ZERO));
    try (Socket first = connect(printer);
        Socket second = connect(printer)) {
      send(first, label("first 1"));
      await().atMost(WAIT).until(() -> printer.printedCount() == 1);
      send(second, label("second 1")); // connected, but waits in the backlog
      send(first, label("first 2"));
      await().atMost(WAIT).until(() -> printer.printedCount() == 2);
      assertThat(printer.printed()).containsExactly(label("first 1"), label("first 2"));

      first.close();
      await().atMost(WAIT).until(() -> printer.printedCount() == 3);
      assertThat(printer.printed())
          .containsExactly(label("first 1"), label("first 2"), label("second 1"));
    }
  }

  @Test
  void closeFreesThePortPromptlyAndStopsThreads() throws IOException {
    VirtualPrinter printer = VirtualPrinter.start("close", 0, Duration.ofSeconds(30));
    int port = printer.port();
    try (Socket client = connect(printer)) {
      send(client, label("printing") + label("queued") + "^XA^FDhalf");
      // one label on the (slow) head, one in the buffer, a partial on the wire
      await().atMost(WAIT).until(() -> printer.bufferedCount() == 1);

      printer.close();
    }
    // Had close() waited for the 30 s label instead of stopping the head, this would be false.
    assertThat(printer.isTerminated()).isTrue();
    assertThat(printer.printed()).isEmpty();
    assertThatThrownBy(() -> new Socket(LOOPBACK, port).close())
        .isInstanceOf(ConnectException.class);
    try (ServerSocket reuse = new ServerSocket()) {
      reuse.setReuseAddress(true);
      reuse.bind(new InetSocketAddress(LOOPBACK, port));
      assertThat(reuse.getLocalPort()).isEqualTo(port);
    }
    printer.close(); // idempotent
  }

  @Test
  void startOnABusyPortFailsClearly() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
      assertThatThrownBy(() -> VirtualPrinter.start("busy", taken.getLocalPort(), Duration.ZERO))
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(taken.getLocalPort()));
    }
  }
}
