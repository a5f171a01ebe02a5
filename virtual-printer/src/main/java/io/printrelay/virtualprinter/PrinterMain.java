package io.printrelay.virtualprinter;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code printrelay printer --port P [--ms-per-label N] [--name NAME] [--bind ADDR]}: runs one
 * virtual Zebra in the foreground until SIGTERM / Ctrl-C, logging each printed label on stdout.
 * Exit codes: 0 normal stop, 1 cannot listen, 2 bad arguments.
 */
public final class PrinterMain {

  static final String USAGE =
      "usage: printrelay printer --port P [--ms-per-label N (default 100)]"
          + " [--name NAME (default virtual)] [--bind ADDR (default 127.0.0.1)]";
  private static final int PREVIEW_CHARS = 60;

  record Options(int port, long msPerLabel, String name, InetAddress bind, boolean help) {}

  private PrinterMain() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs until the JVM is asked to stop; returns the exit code (only early on failure). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("printrelay printer: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(USAGE);
      return 0;
    }
    VirtualPrinter printer;
    try {
      printer = start(options, out);
    } catch (UncheckedIOException e) {
      err.println("printrelay printer: " + e.getMessage());
      return 1;
    }
    // SIGTERM and Ctrl-C run shutdown hooks: close the printer there so the port is released
    // and a label in the middle of "printing" is simply abandoned, as on power-off.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  printer.close();
                  stopped.countDown();
                },
                "virtual-printer-shutdown"));
    boolean interrupted = false;
    while (stopped.getCount() > 0) {
      try {
        stopped.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Starts the printer described by {@code options}, announcing it and each label on {@code out}.
   */
  static VirtualPrinter start(Options options, PrintStream out) {
    VirtualPrinter printer =
        VirtualPrinter.builder(options.name())
            .bindAddress(options.bind())
            .port(options.port())
            .perLabel(Duration.ofMillis(options.msPerLabel()))
            .onPrinted(
                (number, format) -> {
                  out.println("printed #" + number + ": " + preview(format));
                  out.flush();
                })
            .start();
    out.println(
        "virtual printer listening on " + options.bind().getHostAddress() + ":" + printer.port());
    out.flush();
    return printer;
  }

  static String preview(String format) {
    String oneLine = format.replaceAll("\\R", " ");
    int end =
        oneLine.offsetByCodePoints(
            0, Math.min(PREVIEW_CHARS, oneLine.codePointCount(0, oneLine.length())));
    return oneLine.substring(0, end);
  }

  static Options parse(String... args) {
    Integer port = null;
    long msPerLabel = 100;
    String name = "virtual";
    InetAddress bind = InetAddress.getLoopbackAddress();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) { // --port=9100 as well as --port 9100
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--port" -> {
          value = value != null ? value : next(args, ++i, arg);
          port = parseLong(value, arg, 0, 65535).intValue();
        }
        case "--ms-per-label" -> {
          value = value != null ? value : next(args, ++i, arg);
          msPerLabel = parseLong(value, arg, 0, 3_600_000);
        }
        case "--name" -> {
          name = value != null ? value : next(args, ++i, arg);
          if (name.isBlank()) {
            throw new IllegalArgumentException("--name must not be empty");
          }
        }
        case "--bind" -> bind = address(value != null ? value : next(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (help) {
      return new Options(0, msPerLabel, name, bind, true);
    }
    if (port == null) {
      throw new IllegalArgumentException("--port is required");
    }
    return new Options(port, msPerLabel, name, bind, false);
  }

  private static String next(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static Long parseLong(String value, String option, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          option + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  private static InetAddress address(String value) {
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address '" + value + "'");
    }
  }
}
