package io.printrelay.agent.printing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms "printed" (docs/printing.md#what-printed-means): after a ZPL label, asks {@code ~HS}
 * until its receive buffer no longer holds the label. A Zebra answers {@code ~} commands at once,
 * even while it prints; paper out or an open head is reported meanwhile and the label simply waits.
 * A printer that never answers is trusted once the write succeeded (learnt once, then not asked
 * again); one that stopped answering, or a connection that breaks here, leaves the label's outcome
 * unknown (an IOException).
 */
final class HostStatusConfirmation {
  private static final Logger log = LoggerFactory.getLogger(HostStatusConfirmation.class);
  private static final byte[] HOST_STATUS = "~HS".getBytes(StandardCharsets.US_ASCII);
  private static final Duration FIRST_POLL = Duration.ofMillis(5);
  // While a label takes its usual time, the drain is seen within 20 ms, well before the label on
  // the head is done, so the next one is already waiting when the head is free: the printer sets
  // the pace. A label held up (paper out, pause) is asked about less and less often.
  private static final Duration BUSY_POLL = Duration.ofMillis(20);
  private static final Duration HELD_UP_AFTER = Duration.ofSeconds(2);
  private static final Duration MAX_POLL = Duration.ofMillis(250);

  /** Writes bytes under the adapter's stall watchdog. */
  interface Writer {
    void write(Socket connection, byte[] bytes) throws IOException;
  }

  private enum Support {
    UNKNOWN,
    ANSWERS,
    SILENT
  }

  private final String printerId;
  private final Duration timeout;
  private final Writer writer;
  private final Consumer<String> problems;
  private Support support = Support.UNKNOWN;

  HostStatusConfirmation(
      String printerId, Duration timeout, Writer writer, Consumer<String> problems) {
    this.printerId = printerId;
    this.timeout = timeout;
    this.writer = writer;
    this.problems = problems;
  }

  /** Returns once the label has left the printer's receive buffer (or it cannot tell). */
  void confirm(Socket connection) throws IOException {
    Duration poll = FIRST_POLL;
    long heldUp = System.nanoTime() + HELD_UP_AFTER.toNanos();
    Optional<HostStatusReply> reply;
    while ((reply = ask(connection)).isPresent()) {
      problems.accept(reply.get().problem());
      if (reply.get().formatsInBuffer() == 0) {
        return;
      }
      sleep(poll);
      Duration cap = System.nanoTime() < heldUp ? BUSY_POLL : MAX_POLL;
      poll = poll.multipliedBy(2).compareTo(cap) > 0 ? cap : poll.multipliedBy(2);
    }
  }

  /** Empty when the printer does not answer {@code ~HS} (not every ZPL printer does). */
  private Optional<HostStatusReply> ask(Socket connection) throws IOException {
    if (support == Support.SILENT) {
      return Optional.empty();
    }
    InputStream in = connection.getInputStream();
    in.skipNBytes(in.available()); // left-overs of an earlier answer
    writer.write(connection, HOST_STATUS);
    connection.setSoTimeout((int) timeout.toMillis());
    try {
      HostStatusReply reply = HostStatusReply.read(in);
      support = Support.ANSWERS;
      return Optional.of(reply);
    } catch (SocketTimeoutException e) {
      if (support == Support.ANSWERS) {
        throw new IOException("printer " + printerId + " stopped answering ~HS", e);
      }
      support = Support.SILENT;
      log.atWarn()
          .addKeyValue("event", "printer.no_host_status")
          .addKeyValue("printer", printerId)
          .log("the printer does not answer ~HS: a label counts as printed once written");
      return Optional.empty();
    }
  }

  private static void sleep(Duration duration) throws InterruptedIOException {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the printer had the label");
    }
  }
}
