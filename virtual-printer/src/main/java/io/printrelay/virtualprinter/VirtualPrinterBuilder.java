package io.printrelay.virtualprinter;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Options of a {@link VirtualPrinter} beyond {@link VirtualPrinter#start(String, int, Duration)}.
 */
public final class VirtualPrinterBuilder {

  final String name;
  InetAddress bindAddress = InetAddress.getLoopbackAddress();
  int port;
  Duration perLabel = Duration.ofMillis(100);
  int maxBufferedFormats = 8;
  long maxBufferedBytes = 64 * 1024;
  int socketReceiveBufferBytes = 8 * 1024;
  int keepLast = 10_000;
  long maxFormatBytes = 1024 * 1024;
  Duration idleTimeout = Duration.ofSeconds(60);
  boolean paperOut;
  VirtualPrinter.LabelListener listener;

  VirtualPrinterBuilder(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
  }

  /** Default 127.0.0.1 (loopback); 0.0.0.0 makes the printer reachable from the LAN. */
  public VirtualPrinterBuilder bindAddress(InetAddress bindAddress) {
    this.bindAddress = bindAddress;
    return this;
  }

  /** Default 0: a free ephemeral port. */
  public VirtualPrinterBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
    return this;
  }

  /** Time to print one label; default 100 ms. */
  public VirtualPrinterBuilder perLabel(Duration perLabel) {
    this.perLabel = perLabel;
    return this;
  }

  /** Receive buffer limit in formats; default 8. */
  public VirtualPrinterBuilder maxBufferedFormats(int maxBufferedFormats) {
    this.maxBufferedFormats = maxBufferedFormats;
    return this;
  }

  /** Receive buffer limit in bytes; default 64 KiB (a single larger format is still accepted). */
  public VirtualPrinterBuilder maxBufferedBytes(long maxBufferedBytes) {
    this.maxBufferedBytes = maxBufferedBytes;
    return this;
  }

  /**
   * SO_RCVBUF of accepted sockets; default 8 KiB, roughly a printer's small TCP window. Without it
   * loopback autotuning lets the kernel absorb megabytes, hiding backpressure. 0 = OS default.
   */
  public VirtualPrinterBuilder socketReceiveBufferBytes(int bytes) {
    this.socketReceiveBufferBytes = bytes;
    return this;
  }

  /**
   * How many printed formats {@link VirtualPrinter#printed()}, and how many partials {@link
   * VirtualPrinter#partials()}, remember; default 10,000 each. Older ones are forgotten, so a
   * printer running for days keeps a bounded heap; {@link VirtualPrinter#printedCount()} still
   * counts every label.
   */
  public VirtualPrinterBuilder keepLast(int entries) {
    if (entries < 1) {
      throw new IllegalArgumentException("keepLast must be >= 1, got " + entries);
    }
    this.keepLast = entries;
    return this;
  }

  /**
   * Bytes a sender may send inside one unfinished {@code ^XA} (or as stray bytes outside formats)
   * before they are discarded and the connection closed; default 1 MiB, far above any label.
   * Without it a {@code ^XA} never followed by {@code ^XZ} would be held in memory forever.
   */
  public VirtualPrinterBuilder maxFormatBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxFormatBytes must be >= 1, got " + bytes);
    }
    this.maxFormatBytes = bytes;
    return this;
  }

  /**
   * A connection that sends nothing for this long is closed, as a Zebra drops idle raw-port
   * connections; default 60 s. {@link Duration#ZERO} keeps idle connections open forever. Time
   * spent waiting for room in a full receive buffer does not count: the printer is not reading
   * then, the sender is not idle.
   */
  public VirtualPrinterBuilder idleTimeout(Duration idleTimeout) {
    if (idleTimeout.isNegative()
        || idleTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0
        || (!idleTimeout.isZero() && idleTimeout.toMillis() == 0)) {
      throw new IllegalArgumentException(
          "idleTimeout must be zero or 1 ms to 24 days, got " + idleTimeout);
    }
    this.idleTimeout = idleTimeout;
    return this;
  }

  /** Starts out of paper (see {@link VirtualPrinter#paperOut(boolean)}); default false. */
  public VirtualPrinterBuilder paperOut(boolean paperOut) {
    this.paperOut = paperOut;
    return this;
  }

  /** Called on the print thread after each label; e.g. the CLI logs "printed #n". */
  public VirtualPrinterBuilder onPrinted(VirtualPrinter.LabelListener listener) {
    this.listener = listener;
    return this;
  }

  /** Binds and starts; throws UncheckedIOException when the port cannot be bound. */
  public VirtualPrinter start() {
    return VirtualPrinter.create(this);
  }
}
