package io.printrelay.infra;

import io.printrelay.queue.QueueNames;
import io.printrelay.table.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
 * @param apiKeySha256 lower-case hex SHA-256 hashes of integration keys with no capabilities (named
 *     key-1, key-2, ... by the function); the keys themselves never reach CloudFormation
 * @param apiKeys named keys, given by their SHA-256, with roles and capabilities
 * @param operatorAccounts {@code username:role:pbkdf2-hash} entries for the web view's sign-in,
 *     role {@code operator} or {@code viewer}; only the PBKDF2 hashes reach CloudFormation, never
 *     the passwords
 * @param apiLimits the API's throttle and its function's reserved concurrency
 * @param monitoring alarms, where they go, and log retention
 */
public record PrintrelaySettings(
    String queuePrefix,
    String tableName,
    Path functionJar,
    List<String> apiKeySha256,
    List<NamedApiKey> apiKeys,
    List<String> operatorAccounts,
    ApiLimits apiLimits,
    MonitoringSettings monitoring) {

  public static final String DEFAULT_QUEUE_PREFIX = QueueNames.DEFAULT_PREFIX;
  public static final String DEFAULT_TABLE_NAME = TableName.DEFAULT;
  public static final String DEFAULT_FUNCTION_JAR =
      "../cloud-function/target/printrelay-function-lambda.jar";

  // The queue prefix and table name rules are the agent's and the function's too (QueueNames,
  // TableName): a name the stack accepts is one they accept.
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  // Lambda allows 4 KB of environment in all; 50 hashes take 3.2 KB. Counts both forms.
  private static final int MAX_API_KEYS = 50;
  // The function's own rules (OperatorAccounts, PasswordHashes), checked here so a bad entry fails
  // the synth rather than every cold start after the deploy. The hash's strength is left to the
  // function; only its shape is checked, which also catches a $ the shell expanded away.
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Set<String> ROLES = Set.of("operator", "viewer");
  private static final Pattern PASSWORD_HASH =
      Pattern.compile("pbkdf2-sha256\\$[0-9]+\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}");
  // The API function carries the three lists in its 4 KB environment; the rest of it (the
  // variables' names, table name, prefix, session secret) takes at most ~550 bytes.
  private static final int MAX_LIST_CHARS = 3_500;

  /** Settings with no named keys, the default {@link ApiLimits} and {@link MonitoringSettings}. */
  public PrintrelaySettings(
      String queuePrefix,
      String tableName,
      Path functionJar,
      List<String> apiKeySha256,
      List<String> operatorAccounts) {
    this(
        queuePrefix,
        tableName,
        functionJar,
        apiKeySha256,
        List.of(),
        operatorAccounts,
        ApiLimits.DEFAULT,
        MonitoringSettings.DEFAULT);
  }

  public PrintrelaySettings {
    Objects.requireNonNull(apiLimits, "apiLimits");
    Objects.requireNonNull(monitoring, "monitoring");
    require(
        QueueNames.isValidPrefix(queuePrefix), "queuePrefix", queuePrefix, QueueNames.PREFIX_RULE);
    require(TableName.isValid(tableName), "tableName", tableName, TableName.RULE);
    apiKeySha256 = apiKeySha256.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    for (int i = 0; i < apiKeySha256.size(); i++) {
      // Names the entry, never echoes it: a mistaken entry may be a raw key.
      require(
          SHA256_HEX.matcher(apiKeySha256.get(i)).matches(),
          "apiKeySha256",
          "entry " + (i + 1),
          "64 hex digits per key (the SHA-256 of the key, not the key: printf %s KEY | sha256sum)");
    }
    apiKeys = List.copyOf(apiKeys);
    Set<String> names = new HashSet<>();
    Set<String> hashes = new HashSet<>(apiKeySha256);
    for (int i = 0; i < apiKeys.size(); i++) {
      String entry = "entry " + (i + 1);
      require(
          names.add(apiKeys.get(i).name()),
          NamedApiKey.CONTEXT,
          entry,
          "each name once (the function names a key in logs and /v1/me)");
      // Given twice, a key would have the roles and capabilities of whichever entry the
      // function meets first.
      require(
          hashes.add(apiKeys.get(i).sha256()),
          NamedApiKey.CONTEXT,
          entry,
          "a key given once, here or in apiKeySha256");
    }
    int keyCount = apiKeySha256.size() + apiKeys.size();
    require(
        keyCount <= MAX_API_KEYS,
        "apiKeySha256 and apiKeys",
        keyCount + " keys",
        "at most " + MAX_API_KEYS + " together (Lambda's 4 KB environment limit)");
    operatorAccounts = operatorAccounts.stream().map(String::strip).toList();
    Set<String> usernames = new HashSet<>();
    for (int i = 0; i < operatorAccounts.size(); i++) {
      // Names the entry, never echoes it: a mistaken entry may hold a password instead of a hash.
      String entry = "entry " + (i + 1);
      String[] parts = operatorAccounts.get(i).split(":", -1);
      require(
          parts.length == 3 && USERNAME.matcher(parts[0]).matches() && ROLES.contains(parts[1]),
          "operatorAccounts",
          entry,
          "username:role:hash, username 1-64 of A-Z a-z 0-9 . _ @ -, role operator or viewer");
      require(
          PASSWORD_HASH.matcher(parts[2]).matches(),
          "operatorAccounts",
          entry,
          "a pbkdf2-sha256$... hash from PasswordHashes, not a password (quote the value in single"
              + " quotes, or the shell expands its $ parts)");
      require(
          usernames.add(parts[0]),
          "operatorAccounts",
          entry,
          "each username once (the function refuses to start otherwise)");
    }
    // The values as the environment will hold them (the fields are not yet assigned).
    int listChars =
        String.join(",", apiKeySha256).length()
            + (apiKeys.isEmpty() ? 0 : NamedApiKey.json(apiKeys).length())
            + String.join(",", operatorAccounts).length();
    require(
        listChars <= MAX_LIST_CHARS,
        "apiKeySha256, apiKeys and operatorAccounts",
        listChars + " characters",
        "at most " + MAX_LIST_CHARS + " together (Lambda's 4 KB environment limit)");
  }

  /** Reads every setting through {@code context} (a CDK context lookup), defaults filling gaps. */
  public static PrintrelaySettings fromContext(Function<String, Object> context) {
    Path jar = Path.of(text(context, "functionJar", DEFAULT_FUNCTION_JAR));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "functionJar "
              + jar.toAbsolutePath().normalize()
              + " does not exist: build it first (./mvnw -pl cloud-function -am package)"
              + " or pass -c functionJar=PATH");
    }
    return new PrintrelaySettings(
        text(context, "queuePrefix", DEFAULT_QUEUE_PREFIX),
        text(context, "tableName", DEFAULT_TABLE_NAME),
        jar,
        list(context, "apiKeySha256"),
        NamedApiKey.fromContext(context.apply(NamedApiKey.CONTEXT)),
        list(context, "operatorAccounts"),
        new ApiLimits(
            number(context, "apiRateLimit", ApiLimits.DEFAULT.rateLimit()),
            number(context, "apiBurstLimit", ApiLimits.DEFAULT.burstLimit()),
            number(context, "apiReservedConcurrency", ApiLimits.DEFAULT.reservedConcurrency())),
        MonitoringSettings.fromContext(context));
  }

  /** The value of {@code PRINTRELAY_API_KEYS_SHA256}: the hashes, comma-separated. */
  public String apiKeysEnvironmentValue() {
    return String.join(",", apiKeySha256);
  }

  /**
   * The value of {@code PRINTRELAY_API_KEYS_JSON}: the named keys as a JSON list; empty for none.
   */
  public String apiKeysJsonEnvironmentValue() {
    return apiKeys.isEmpty() ? "" : NamedApiKey.json(apiKeys);
  }

  /** The value of {@code PRINTRELAY_OPERATOR_ACCOUNTS}: the entries, comma-separated. */
  public String operatorAccountsEnvironmentValue() {
    return String.join(",", operatorAccounts);
  }

  // Comma-separated, each entry trimmed, empty entries dropped.
  private static List<String> list(Function<String, Object> context, String key) {
    return Arrays.stream(text(context, key, "").split(","))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .toList();
  }

  static int number(Function<String, Object> context, String key, int fallback) {
    String text = text(context, key, Integer.toString(fallback));
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "context " + key + " '" + text + "' is invalid: expected a whole number", e);
    }
  }

  private static String text(Function<String, Object> context, String key, String fallback) {
    Object value = context.apply(key);
    String text = value == null ? "" : value.toString().strip();
    return text.isEmpty() ? fallback : text;
  }

  static void require(boolean valid, String key, Object value, String expected) {
    if (!valid) {
      throw invalid(key, value, expected);
    }
  }

  static IllegalArgumentException invalid(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "context " + key + " '" + value + "' is invalid: expected " + expected);
  }
}
