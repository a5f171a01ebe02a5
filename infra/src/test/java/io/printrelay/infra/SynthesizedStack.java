package io.printrelay.infra;

import io.printrelay.function.security.ApiKeyRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack synthesised once per test JVM and shared by the test classes: the first synth starts
 * jsii's node runtime and takes ~15 s. A non-default prefix, table name, API limits and alarm
 * settings prove the context is read; a tiny stand-in jar keeps the tests independent of the
 * function having been built.
 */
final class SynthesizedStack {
  static final String PREFIX = "acme";
  static final String TABLE = "acme-jobs";
  static final String KEY_HASH_1 =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  static final String KEY_HASH_2 =
      "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
  // Named keys: only their hashes go into the context; the keys stay here.
  static final String ODOO_KEY = "odoo-key-never-in-the-template";
  static final String INSTALLER_KEY = "installer-key-never-in-the-template";
  static final String ODOO_HASH = ApiKeyRegistry.sha256Hex(ODOO_KEY);
  static final String INSTALLER_HASH = ApiKeyRegistry.sha256Hex(INSTALLER_KEY);
  // As `cdk deploy -c apiKeys=...` passes it: a JSON text.
  static final String NAMED_KEYS =
      """
      [{"name": "odoo", "sha256": "%s"},
       {"name": "installer", "sha256": "%s", "capabilities": ["printer-config", "raw"]}]
      """
          .formatted(ODOO_HASH, INSTALLER_HASH.toUpperCase());
  // Shaped like PasswordHashes' output; the infra never checks a hash's strength.
  static final String PASSWORD_HASH =
      "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA$"
          + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE";
  static final String ALARM_EMAIL = "oncall@example.com";
  static final String OPERATOR_ACCOUNT = "ana:operator:" + PASSWORD_HASH;
  static final String VIEWER_ACCOUNT = "wall:viewer:" + PASSWORD_HASH;

  private static PrintrelayStack stack;
  private static Template template;

  private SynthesizedStack() {}

  /** The shared stack: API keys and operator accounts given, so nothing to warn about. */
  static synchronized PrintrelayStack stack() {
    if (stack == null) {
      stack =
          synthesize(
              Map.of(
                  "apiKeySha256", KEY_HASH_1 + ", " + KEY_HASH_2.toUpperCase(),
                  "apiKeys", NAMED_KEYS,
                  "operatorAccounts", " " + OPERATOR_ACCOUNT + " ," + VIEWER_ACCOUNT));
    }
    return stack;
  }

  static synchronized Template template() {
    if (template == null) {
      template = Template.fromStack(stack());
    }
    return template;
  }

  /** A stack from {@link PrintrelayApp#createStack} with this context (prefix, table, jar set). */
  static PrintrelayStack synthesize(Map<String, String> extraContext) {
    Map<String, Object> context =
        new HashMap<>(
            Map.of(
                "queuePrefix",
                PREFIX,
                "tableName",
                TABLE,
                "functionJar",
                standInJar().toString(),
                // As `cdk deploy -c` passes them: strings.
                "apiRateLimit",
                "30",
                "apiBurstLimit",
                "60",
                "apiReservedConcurrency",
                "70"));
    // Monitoring, none at its default.
    context.putAll(
        Map.of(
            "alarmEmail",
            ALARM_EMAIL,
            "logRetentionDays",
            "90",
            "queueAgeMinutes",
            "20",
            "api5xxPercent",
            "10",
            "offlinePrinterMinutes",
            "10",
            "sweepFailedRuns",
            "2"));
    context.putAll(extraContext);
    return PrintrelayApp.createStack(App.Builder.create().context(context).build());
  }

  /**
   * The logical id of the only resource of {@code type} whose properties are like {@code props}.
   */
  static String logicalId(String type, Map<String, Object> props) {
    Map<String, Map<String, Object>> found =
        template()
            .findResources(type, Match.objectLike(Map.of("Properties", Match.objectLike(props))));
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " " + type + " resources like " + props);
    }
    return found.keySet().iterator().next();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(String logicalId) {
    Map<String, Object> resource = (Map<String, Object>) template().toJSON().get("Resources");
    return (Map<String, Object>) ((Map<String, Object>) resource.get(logicalId)).get("Properties");
  }

  /** Every statement in the policy documents of the {@code type} resources like {@code props}. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> statements(String type, Map<String, Object> props) {
    return template()
        .findResources(type, Match.objectLike(Map.of("Properties", Match.objectLike(props))))
        .values()
        .stream()
        .map(r -> (Map<String, Object>) r.get("Properties"))
        .map(p -> (Map<String, Object>) p.get("PolicyDocument"))
        .flatMap(d -> ((List<Map<String, Object>>) d.get("Statement")).stream())
        .toList();
  }

  @SuppressWarnings("unchecked")
  static Stream<String> actions(Map<String, Object> statement) {
    Object action = statement.get("Action");
    return action instanceof List<?> list
        ? ((List<String>) list).stream()
        : Stream.of((String) action);
  }

  static Map<String, Object> getAttArn(String logicalId) {
    return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
  }

  private static Path standInJar() {
    try {
      Path jar = Files.createTempFile("printrelay-function-", ".jar");
      Files.write(
          jar, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
      jar.toFile().deleteOnExit();
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
