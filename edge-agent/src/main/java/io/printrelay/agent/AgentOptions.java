package io.printrelay.agent;

import io.printrelay.agent.printing.PrinterEndpoint;
import io.printrelay.queue.QueueNames;
import io.printrelay.table.TableName;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
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
 * --visibility-timeout}, in seconds.
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
                              [--poll-wait 20] [--visibility-timeout 60]""";

  /** Relative to the working directory; the packaged service points it at its state directory. */
  static final String DEFAULT_DATA_DIR = "printrelay-agent-data";

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
          "visibility-timeout");

  /** True when the arguments ask for the usage text. */
  static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** Throws {@link InvalidConfig} naming the first bad option. */
  public static AgentOptions parse(String[] args, Supplier<String> hostname) {
    Map<String, String> flags = flags(args);
    Map<String, String> settings = new LinkedHashMap<>();
    if (flags.containsKey("config")) {
      settings.putAll(file(Path.of(flags.get("config"))));
    }
    settings.putAll(flags);
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
    return new AgentOptions(config.build(), sqs, dynamoDb, region);
  }

  private static Map<String, String> flags(String[] args) {
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
      flags.put(known(key, "--" + key), value);
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
