package io.printrelay.local;

import io.printrelay.agent.printing.PrinterEndpoint;
import java.nio.file.Path;
import java.util.List;

/**
 * `printrelay local` flags, validated. Port 0 means any free port (used by the tests).
 *
 * @param printers real printers, in the order given; empty means start virtual ones
 */
public record LocalOptions(
    int httpPort,
    int sqsPort,
    int dynamoDbPort,
    Path dataDir,
    String apiKey,
    String operatorPassword,
    List<PrinterEndpoint> printers,
    int virtualPrinters,
    int msPerLabel,
    boolean agent,
    boolean demo,
    String bind) {

  public static LocalOptions defaults() {
    return new LocalOptions(
        8080,
        9324,
        8000,
        Path.of(".printrelay"),
        "local-dev-key",
        "local-dev-password",
        List.of(),
        2,
        100,
        true,
        false,
        "127.0.0.1");
  }

  /**
   * Parses the command line; throws {@link IllegalArgumentException} with a message for the user.
   */
  public static LocalOptions parse(String... args) {
    LocalOptions d = defaults();
    int httpPort = d.httpPort, sqsPort = d.sqsPort, dynamoDbPort = d.dynamoDbPort;
    int virtualPrinters = d.virtualPrinters, msPerLabel = d.msPerLabel;
    Path dataDir = d.dataDir;
    String apiKey = d.apiKey, operatorPassword = d.operatorPassword, bind = d.bind;
    List<PrinterEndpoint> printers = d.printers;
    boolean agent = d.agent, demo = d.demo;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--no-agent")) {
        agent = false;
        continue;
      }
      if (flag.equals("--demo")) {
        demo = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown flag or missing value: " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--http-port" -> httpPort = port(flag, value);
        case "--sqs-port" -> sqsPort = port(flag, value);
        case "--dynamodb-port" -> dynamoDbPort = port(flag, value);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--api-key" -> apiKey = nonBlank(flag, value);
        case "--operator-password" -> operatorPassword = nonBlank(flag, value);
        case "--printers" -> printers = printers(value);
        case "--virtual-printers" -> virtualPrinters = number(flag, value, 1, 50);
        case "--ms-per-label" -> msPerLabel = number(flag, value, 0, 60_000);
        case "--bind" -> bind = nonBlank(flag, value);
        default -> throw new IllegalArgumentException("unknown flag: " + flag);
      }
    }
    return new LocalOptions(
        httpPort,
        sqsPort,
        dynamoDbPort,
        dataDir,
        apiKey,
        operatorPassword,
        printers,
        virtualPrinters,
        msPerLabel,
        agent,
        demo,
        bind);
  }

  /** The agent's own parser, so `local --printers` and `agent --printers` read alike. */
  static List<PrinterEndpoint> printers(String value) {
    try {
      List<PrinterEndpoint> printers = PrinterEndpoint.parseList(value);
      if (printers.isEmpty()) {
        throw new IllegalArgumentException("no printer given");
      }
      return List.copyOf(printers);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--printers takes ID=HOST:PORT[,ID=HOST:PORT...]: " + e.getMessage(), e);
    }
  }

  private static int port(String flag, String value) {
    return number(flag, value, 0, 65_535);
  }

  private static int number(String flag, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(flag + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " takes a number, got: " + value);
    }
  }

  private static String nonBlank(String flag, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(flag + " must not be blank");
    }
    return value;
  }
}
