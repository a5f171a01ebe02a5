package io.printrelay.virtualprinter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrinterMainTest {

  @Test
  void parsesDefaultsAndOptions() throws Exception {
    PrinterMain.Options defaults = PrinterMain.parse("--port", "9100");
    assertThat(defaults.port()).isEqualTo(9100);
    assertThat(defaults.msPerLabel()).isEqualTo(100);
    assertThat(defaults.name()).isEqualTo("virtual");
    assertThat(defaults.bind().getHostAddress()).isEqualTo("127.0.0.1");

    PrinterMain.Options all =
        PrinterMain.parse(
            "--name", "zt410", "--port=9101", "--ms-per-label", "0", "--bind", "0.0.0.0");
    assertThat(all.port()).isEqualTo(9101);
    assertThat(all.msPerLabel()).isZero();
    assertThat(all.name()).isEqualTo("zt410");
    assertThat(all.bind()).isEqualTo(InetAddress.getByName("0.0.0.0"));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> PrinterMain.parse()).hasMessageContaining("--port is required");
    assertThatThrownBy(() -> PrinterMain.parse("--port", "abc"))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> PrinterMain.parse("--port", "70000"))
        .hasMessageContaining("between 0 and 65535");
    assertThatThrownBy(() -> PrinterMain.parse("--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> PrinterMain.parse("--port", "9100", "--ms-per-label", "-1"))
        .hasMessageContaining("--ms-per-label");
    assertThatThrownBy(() -> PrinterMain.parse("--port", "9100", "--colour"))
        .hasMessageContaining("unknown argument: --colour");
  }

  @Test
  void badArgumentsExitWithCode2AndUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        PrinterMain.run(
            new String[] {"--ms-per-label", "5"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(UTF_8))
        .contains("--port is required")
        .contains("usage: printrelay printer");
  }

  @Test
  void announcesListeningAndEachPrintedLabel() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrinterMain.Options options =
        PrinterMain.parse("--port", "0", "--ms-per-label", "0", "--name", "cli");
    try (VirtualPrinter printer = PrinterMain.start(options, new PrintStream(out, true, UTF_8))) {
      assertThat(out.toString(UTF_8))
          .isEqualTo(
              "virtual printer listening on 127.0.0.1:" + printer.port() + System.lineSeparator());
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), printer.port())) {
        socket
            .getOutputStream()
            .write("^XA\r\n^FO50,50^FDfirst^FS\n^XZ^XA^FDsecond^FS^XZ".getBytes(UTF_8));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> out.toString(UTF_8).contains("printed #2"));
    }
    assertThat(out.toString(UTF_8).lines())
        .contains("printed #1: ^XA ^FO50,50^FDfirst^FS ^XZ", "printed #2: ^XA^FDsecond^FS^XZ");
  }

  @Test
  void previewIsOneLineOfAtMost60Chars() {
    String longFormat = "^XA\r\n^FD" + "y".repeat(100) + "^FS\n^XZ";
    String preview = PrinterMain.preview(longFormat);
    assertThat(preview)
        .hasSize(60)
        .doesNotContain("\n")
        .doesNotContain("\r")
        .startsWith("^XA ^FDyyy");
  }
}
