package io.printrelay.virtualprinter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;

/**
 * A sender on a real socket, as the agent is: labels, {@code ~HS}, and what the printer did to the
 * connection.
 */
final class PrinterClient {

  static final Duration WAIT = Duration.ofSeconds(5);

  private PrinterClient() {}

  static String label(String text) {
    return "^XA^FO50,50^A0N,30,30^FD" + text + "^FS^XZ";
  }

  /** A read that hangs past {@link #WAIT} fails the test instead of hanging it. */
  static Socket connect(VirtualPrinter printer) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), printer.port());
    socket.setSoTimeout((int) WAIT.toMillis());
    return socket;
  }

  static void send(Socket socket, String zpl) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(zpl.getBytes(UTF_8));
    out.flush();
  }

  /** Sends {@code ~HS} and returns the raw answer: three STX..ETX CR LF strings. */
  static String hostStatus(Socket socket) throws IOException {
    send(socket, "~HS");
    InputStream in = socket.getInputStream();
    StringBuilder answer = new StringBuilder();
    for (int lineEnds = 0; lineEnds < 3; ) {
      int c = in.read();
      assertThat(c).as("~HS answer so far: %s", answer).isNotNegative();
      answer.append((char) c);
      lineEnds += c == '\n' ? 1 : 0;
    }
    return answer.toString();
  }

  /**
   * Field {@code index} (0-based) of string 1 of a {@code ~HS} answer; field 1 (b) is paper out.
   */
  static String string1Field(String hostStatus, int index) {
    String string1 =
        hostStatus.substring(
            hostStatus.indexOf(HostStatus.STX) + 1, hostStatus.indexOf(HostStatus.ETX));
    return string1.split(",")[index];
  }

  /** The printer closed the connection: the next read sees EOF or a reset, not a timeout. */
  static void assertClosedByPrinter(Socket socket) throws IOException {
    int read;
    try {
      read = socket.getInputStream().read();
    } catch (SocketException reset) {
      read = -1;
    }
    assertThat(read).as("read after the printer closed the connection").isEqualTo(-1);
  }
}
