package io.printrelay.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * `printrelay local` flags, validated. Port 0 means any free port (used by the tests).
 *
 * @param printers ID -> host:port of real printers; empty means start virtual ones
 */
public record LocalOptions(
    int httpPort,
    int sqsPort,
    int dynamoDbPort,
    Path dataDir,
    String apiKey,
    String operatorPassword,
    Map<String, Endpoint> printers,
    int virtualPrinters,
    int msPerLabel,
    boolean agent,
    boolean demo,
    String bind) {

  public record Endpoint(String host, int port) {}

  private static final Pattern PRINTER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public static LocalOptions defaults() {
    return new LocalOptions(8080, 9324, 8000, Path.of(".printrelay"), "local-dev-key",
        "local-dev-password", Map.of(), 2, 100, true, false, "127.0.0.1");
  }

  /** Parses the command line; throws {@link IllegalArgumentException} with a message for the user. */
  public static LocalOptions parse(String... args) {
    LocalOptions o = defaults();
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      switch (flag) {
        case "--no-agent" -> o = o.with(b -> b.agent = false);
        case "--demo" -> o = o.with(b -> b.demo = true);
        default -> {
          if (rest.isEmpty() || !flag.startsWith("--")) {
            throw new IllegalArgumentException("unknown flag or missing value: " + flag);
          }
          o = o.withValue(flag, rest.remove(0));
        }
      }
    }
    return o;
  }

  private LocalOptions withValue(String flag, String value) {
    return switch (flag) {
      case "--http-port" -> with(b -> b.httpPort = port(flag, value));
      case "--sqs-port" -> with(b -> b.sqsPort = port(flag, value));
      case "--dynamodb-port" -> with(b -> b.dynamoDbPort = port(flag, value));
      case "--data-dir" -> with(b -> b.dataDir = Path.of(value));
      case "--api-key" -> with(b -> b.apiKey = nonBlank(flag, value));
      case "--operator-password" -> with(b -> b.operatorPassword = nonBlank(flag, value));
      case "--printers" -> with(b -> b.printers = printers(value));
      case "--virtual-printers" -> with(b -> b.virtualPrinters = number(flag, value, 1, 50));
      case "--ms-per-label" -> with(b -> b.msPerLabel = number(flag, value, 0, 60_000));
      case "--bind" -> with(b -> b.bind = nonBlank(flag, value));
      default -> throw new IllegalArgumentException("unknown flag: " + flag);
    };
  }

  static Map<String, Endpoint> printers(String value) {
    Map<String, Endpoint> printers = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      String[] idAndAddress = entry.trim().split("=", 2);
      int colon = idAndAddress.length == 2 ? idAndAddress[1].lastIndexOf(':') : -1;
      if (colon < 1 || !PRINTER_ID.matcher(idAndAddress[0]).matches()) {
        throw new IllegalArgumentException(
            "--printers takes ID=HOST:PORT[,ID=HOST:PORT...], got: " + entry);
      }
      String host = idAndAddress[1].substring(0, colon);
      int port = port("--printers", idAndAddress[1].substring(colon + 1));
      printers.put(idAndAddress[0], new Endpoint(host, port));
    }
    return Map.copyOf(printers);
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

  private LocalOptions with(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  private static final class Builder {
    int httpPort, sqsPort, dynamoDbPort, virtualPrinters, msPerLabel;
    Path dataDir;
    String apiKey, operatorPassword, bind;
    Map<String, Endpoint> printers;
    boolean agent, demo;

    Builder(LocalOptions o) {
      httpPort = o.httpPort; sqsPort = o.sqsPort; dynamoDbPort = o.dynamoDbPort;
      dataDir = o.dataDir; apiKey = o.apiKey; operatorPassword = o.operatorPassword;
      printers = o.printers; virtualPrinters = o.virtualPrinters; msPerLabel = o.msPerLabel;
      agent = o.agent; demo = o.demo; bind = o.bind;
    }

    LocalOptions build() {
      return new LocalOptions(httpPort, sqsPort, dynamoDbPort, dataDir, apiKey, operatorPassword,
          printers, virtualPrinters, msPerLabel, agent, demo, bind);
    }
  }
}
