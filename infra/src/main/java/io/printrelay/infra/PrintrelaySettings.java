package io.printrelay.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One deployment's choices, read from CDK context ({@code cdk deploy -c name=value}) and checked
 * before any construct exists, so a typo fails the synth instead of a half-finished deploy.
 *
 * @param queuePrefix names the three queues {@code <prefix>-high.fifo} etc., the agent policy and
 *     the stack
 * @param tableName the one DynamoDB table
 * @param functionJar the shaded cloud-function jar deployed to both Lambda functions
 * @param apiKeySha256 lower-case hex SHA-256 hashes of the integration keys; the keys themselves
 *     never reach CloudFormation
 */
public record PrintrelaySettings(
    String queuePrefix, String tableName, Path functionJar, List<String> apiKeySha256) {

  public static final String DEFAULT_QUEUE_PREFIX = "printrelay";
  public static final String DEFAULT_TABLE_NAME = "printrelay";
  public static final String DEFAULT_FUNCTION_JAR =
      "../cloud-function/target/printrelay-function-lambda.jar";

  // SQS queue names: at most 80 of [A-Za-z0-9_-] including ".fifo"; the longest suffix we append,
  // "-normal-dlq.fifo", takes 16.
  private static final Pattern QUEUE_PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  // DynamoDB table names: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  // Lambda allows 4 KB of environment in all; 50 hashes take 3.2 KB.
  private static final int MAX_API_KEYS = 50;

  public PrintrelaySettings {
    require(QUEUE_PREFIX.matcher(queuePrefix).matches(), "queuePrefix", queuePrefix,
        "1-64 of A-Z a-z 0-9 _ -");
    require(TABLE_NAME.matcher(tableName).matches(), "tableName", tableName,
        "3-255 of A-Z a-z 0-9 _ . -");
    apiKeySha256 = apiKeySha256.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    for (int i = 0; i < apiKeySha256.size(); i++) {
      // Names the entry, never echoes it: a mistaken entry may be a raw key.
      require(SHA256_HEX.matcher(apiKeySha256.get(i)).matches(), "apiKeySha256", "entry " + (i + 1),
          "64 hex digits per key (the SHA-256 of the key, not the key: printf %s KEY | sha256sum)");
    }
    require(apiKeySha256.size() <= MAX_API_KEYS, "apiKeySha256", apiKeySha256.size() + " hashes",
        "at most " + MAX_API_KEYS + " (Lambda's 4 KB environment limit)");
  }

  /** Reads every setting through {@code context} (a CDK context lookup), defaults filling gaps. */
  public static PrintrelaySettings fromContext(Function<String, Object> context) {
    Path jar = Path.of(text(context, "functionJar", DEFAULT_FUNCTION_JAR));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("functionJar " + jar.toAbsolutePath().normalize()
          + " does not exist: build it first (./mvnw -pl cloud-function -am package)"
          + " or pass -c functionJar=PATH");
    }
    List<String> hashes = Arrays.stream(text(context, "apiKeySha256", "").split(","))
        .map(String::strip)
        .filter(h -> !h.isEmpty())
        .toList();
    return new PrintrelaySettings(
        text(context, "queuePrefix", DEFAULT_QUEUE_PREFIX),
        text(context, "tableName", DEFAULT_TABLE_NAME),
        jar,
        hashes);
  }

  /** The value of {@code PRINTRELAY_API_KEYS_SHA256}: the hashes, comma-separated. */
  public String apiKeysEnvironmentValue() {
    return String.join(",", apiKeySha256);
  }

  private static String text(Function<String, Object> context, String key, String fallback) {
    Object value = context.apply(key);
    String text = value == null ? "" : value.toString().strip();
    return text.isEmpty() ? fallback : text;
  }

  private static void require(boolean valid, String key, Object value, String expected) {
    if (!valid) {
      throw new IllegalArgumentException(
          "context " + key + " '" + value + "' is invalid: expected " + expected);
    }
  }
}
