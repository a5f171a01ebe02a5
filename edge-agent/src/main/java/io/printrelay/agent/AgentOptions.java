package io.printrelay.agent;

import io.printrelay.agent.printing.PrinterEndpoint;
import io.printrelay.queue.QueueNames;
import io.printrelay.table.TableName;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Agent options (README.md#the-two-commands): flags, or the same keys without "--" in a properties
 * file given by {@code --config}; flags win. Two additions: {@code --poll-wait} and {@code
 * --visibility-timeout}, in seconds. {@code --status-port} (0: none) and {@code --status-bind}
 * place the status endpoint (docs/printing.md#agent-status).
 *
 * @param sqsEndpoint null for AWS itself
 * @param dynamoDbEndpoint null for AWS itself
 * @param region null for the SDK's default region chain
 */
public record AgentOptions(
    AgentConfig config, URI sqsEndpoint, URI dynamoDbEndpoint, String region) {

  static final String USAGE =
      """
      usage: printrelay agent [--config FILE] [--sqs-endpoint URL] [--dynamodb-endpoint URL]
                              [--region R] [--queue-prefix printrelay] [--table printrelay]
                              [--printers ID=HOST:PORT,...] [--data-dir DIR] [--agent-id ID]
                              [--poll-wait 20] [--visibility-timeout 60]
                              [--status-port 9180] [--status-bind 127.0.0.1]
             printrelay agent status [--config FILE] [--status-port 9180] [--status-bind 127.0.0.1]""";

  /** Relative to the working directory; the packaged service points it at its state directory. */
  static final String DEFAULT_DATA_DIR = "printrelay-agent-data";

  static final int DEFAULT_STATUS_PORT = 9180;

  /** Loopback: the status is for the person at the machine, not for the LAN. */
  static final String DEFAULT_STATUS_BIND = "127.0.0.1";

  private static final Set<String> KEYS =
      Set.of(
          "config",
          "sqs-endpoint",
          "dynamodb-endpoint",
          "region",
          "queue-prefix",
          "table",
          "printers",
          "data-dir",
          "agent-id",
          "poll-wait",
          "visibility-timeout",
          "status-port",
          "status-bind");

  /** What {@code printrelay agent status} takes on its command line. */
  private static final Set<String> STATUS_KEYS = Set.of("config", "status-port", "status-bind");

  /** True when the arguments ask for the usage text. */
  static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** Throws {@link InvalidConfig} naming the first bad option. */
  public static AgentOptions parse(String[] args, Supplier<String> hostname) {
    Map<String, String> settings = settings(args, KEYS);
    URI sqs = endpoint(settings, "sqs-endpoint");
    URI dynamoDb = endpoint(settings, "dynamodb-endpoint");
    String region = settings.get("region");
    if (region == null && (sqs != null || dynamoDb != null)) {
      region = "us-east-1"; // emulators accept any region; this one is what `local` uses
    }
    AgentConfig.Builder config =
        AgentConfig.builder()
            .agentId(settings.getOrDefault("agent-id", hostname.get()))
            .table(settings.getOrDefault("table", TableName.DEFAULT))
            .queueNames(
                new QueueNames(settings.getOrDefault("queue-prefix", QueueNames.DEFAULT_PREFIX)))
            .printers(printers(settings.getOrDefault("printers", "")));
    // The journal lives there: a restart must find it, so never a temporary directory.
    config.dataDir(Path.of(settings.getOrDefault("data-dir", DEFAULT_DATA_DIR)));
    if (settings.containsKey("poll-wait")) {
      config.pollWait(seconds(settings, "poll-wait"));
    }
    if (settings.containsKey("visibility-timeout")) {
      Duration timeout = seconds(settings, "visibility-timeout");
      config.visibility(
          timeout, timeout.dividedBy(3).isZero() ? timeout.dividedBy(2) : timeout.dividedBy(3));
    }
    config.statusAddress(statusAddress(settings));
    return new AgentOptions(config.build(), sqs, dynamoDb, region);
  }

  /**
   * Where {@code printrelay agent status} finds the agent: the same {@code --config} file and
   * status flags as the agent's. Throws {@link InvalidConfig} when they turn the endpoint off.
   */
  static InetSocketAddress statusTarget(String[] args) {
    InetSocketAddress address = statusAddress(settings(args, STATUS_KEYS));
    if (address == null) {
      throw new InvalidConfig("the agent's status endpoint is off (status port 0)");
    }
    return address;
  }

  /** The flags over the properties file they name. */
  private static Map<String, String> settings(String[] args, Set<String> allowedFlags) {
    Map<String, String> flags = flags(args, allowedFlags);
    Map<String, String> settings = new LinkedHashMap<>();
    if (flags.containsKey("config")) {
      settings.putAll(file(Path.of(flags.get("config"))));
    }
    settings.putAll(flags);
    return settings;
  }

  /** Null when the port is 0: no status endpoint. */
  private static InetSocketAddress statusAddress(Map<String, String> settings) {
    int port;
    try {
      port =
          Integer.parseInt(
              settings.getOrDefault("status-port", String.valueOf(DEFAULT_STATUS_PORT)).trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfig("--status-port must be a port number (0 for none)");
    }
    if (port < 0 || port > 65535) {
      throw new InvalidConfig("--status-port must be 0-65535, got " + port);
    }
    if (port == 0) {
      return null;
    }
    String bind = settings.getOrDefault("status-bind", DEFAULT_STATUS_BIND).trim();
    try {
      return new InetSocketAddress(InetAddress.getByName(bind), port);
    } catch (UnknownHostException e) {
      throw new InvalidConfig("--status-bind '" + bind + "' is not a known address", e);
    }
  }

  private static Map<String, String> flags(String[] args, Set<String> allowed) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new InvalidConfig("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new InvalidConfig("--" + key + " needs a value");
      }
      if (!allowed.contains(key)) {
        throw new InvalidConfig("unknown option --" + key);
      }
      flags.put(key, value);
    }
    return flags;
  }

  private static Map<String, String> file(Path path) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new InvalidConfig("cannot read config file " + path + ": " + e.getMessage(), e);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    properties
        .stringPropertyNames()
        .forEach(
            key ->
                settings.put(known(key, key + " in " + path), properties.getProperty(key).trim()));
    settings.remove("config");
    return settings;
  }

  private static String known(String key, String where) {
    if (!KEYS.contains(key)) {
      throw new InvalidConfig("unknown option " + where);
    }
    return key;
  }

  private static List<PrinterEndpoint> printers(String list) {
    try {
      return PrinterEndpoint.parseList(list);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfig(e.getMessage(), e);
    }
  }

  private static URI endpoint(Map<String, String> settings, String key) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(value.trim());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new InvalidConfig("--" + key + " must be an http(s) URL, got '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidConfig("--" + key + " is not a URL: '" + value + "'", e);
    }
  }

  private static Duration seconds(Map<String, String> settings, String key) {
    try {
      return Duration.ofSeconds(Long.parseLong(settings.get(key).trim()));
    } catch (NumberFormatException e) {
      throw new InvalidConfig("--" + key + " must be a whole number of seconds");
    }
  }
}
