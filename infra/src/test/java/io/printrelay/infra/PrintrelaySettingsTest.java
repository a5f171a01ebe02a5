package io.printrelay.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.printrelay.function.security.Capability;
import io.printrelay.function.security.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Context parsing and validation; no synth, so no jsii. */
class PrintrelaySettingsTest {
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final String PASSWORD_HASH = SynthesizedStack.PASSWORD_HASH;
  private static final String ACCOUNT = "ana:operator:" + PASSWORD_HASH;

  // 65 characters: one over the limit that keeps "<prefix>-normal-dlq.fifo" within SQS's 80.
  private static final String TOO_LONG =
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm";

  @TempDir Path dir;

  @Test
  void absentContextFallsBackToTheDefaults() {
    PrintrelaySettings settings = PrintrelaySettings.fromContext(Map.of("functionJar", jar())::get);

    assertThat(settings.queuePrefix()).isEqualTo("printrelay");
    assertThat(settings.tableName()).isEqualTo("printrelay");
    assertThat(settings.apiKeySha256()).isEmpty();
    assertThat(settings.apiKeysEnvironmentValue()).isEmpty();
    assertThat(settings.apiKeys()).isEmpty();
    assertThat(settings.apiKeysJsonEnvironmentValue()).isEmpty();
    assertThat(settings.operatorAccounts()).isEmpty();
    assertThat(settings.operatorAccountsEnvironmentValue()).isEmpty();
    assertThat(settings.apiLimits()).isEqualTo(new ApiLimits(25, 50, 50));
    assertThat(settings.monitoring())
        .isEqualTo(new MonitoringSettings(Optional.empty(), 30, 30, 5, 5, 3));
  }

  @Test
  void monitoringIsReadFromContextAsCdkPassesIt() {
    PrintrelaySettings settings =
        PrintrelaySettings.fromContext(
            Map.of(
                    "functionJar",
                    jar(),
                    "alarmEmail",
                    " oncall@example.com ",
                    "logRetentionDays",
                    "14",
                    "queueAgeMinutes",
                    "60",
                    "api5xxPercent",
                    "2",
                    "offlinePrinterMinutes",
                    "15",
                    "sweepFailedRuns",
                    "5")
                ::get);

    assertThat(settings.monitoring())
        .isEqualTo(new MonitoringSettings(Optional.of("oncall@example.com"), 14, 60, 2, 15, 5));
  }

  @ParameterizedTest
  @CsvSource({
    "alarmEmail, oncall, an e-mail address",
    "logRetentionDays, 31, what CloudWatch Logs accepts",
    "logRetentionDays, a month, a whole number",
    "queueAgeMinutes, 0, 1 to 20160",
    "api5xxPercent, 101, 1 to 100",
    "offlinePrinterMinutes, 1441, 1 to 1440",
    "sweepFailedRuns, 6, 1 to 5"
  })
  void aMonitoringSettingOutsideItsRangeIsRefusedByName(String key, String value, String expected) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> PrintrelaySettings.fromContext(Map.of("functionJar", jar(), key, value)::get))
        .withMessageContaining("context " + key + " '" + value + "'")
        .withMessageContaining(expected);
  }

  @Test
  void apiLimitsAreReadFromContextAsCdkPassesThem() {
    PrintrelaySettings settings =
        PrintrelaySettings.fromContext(
            Map.of(
                    "functionJar",
                    jar(),
                    "apiRateLimit",
                    " 5 ",
                    "apiBurstLimit",
                    "8",
                    "apiReservedConcurrency",
                    "8")
                ::get);

    assertThat(settings.apiLimits()).isEqualTo(new ApiLimits(5, 8, 8));
  }

  @ParameterizedTest
  @CsvSource({
    "apiRateLimit, fast, a whole number",
    "apiRateLimit, 0, 1 to 10000",
    "apiRateLimit, 10001, 1 to 10000",
    "apiBurstLimit, 0, 1 to 5000",
    "apiBurstLimit, 5001, 1 to 5000",
    "apiReservedConcurrency, 49, at least apiBurstLimit (50)",
    "apiReservedConcurrency, 2.5, a whole number"
  })
  void anApiLimitOutsideItsRangeIsRefusedByName(String key, String value, String expected) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> PrintrelaySettings.fromContext(Map.of("functionJar", jar(), key, value)::get))
        .withMessageContaining("context " + key + " '" + value + "'")
        .withMessageContaining(expected);
  }

  @Test
  void defaultJarIsTheCloudFunctionBuildOutput() {
    assertThat(PrintrelaySettings.DEFAULT_FUNCTION_JAR)
        .isEqualTo("../cloud-function/target/printrelay-function-lambda.jar");
  }

  @Test
  void hashesAreSplitOnCommasTrimmedAndLowerCased() {
    PrintrelaySettings settings =
        PrintrelaySettings.fromContext(
            Map.of(
                    "functionJar",
                    jar(),
                    "apiKeySha256",
                    " " + HASH.toUpperCase() + " ,," + HASH + " ")
                ::get);

    assertThat(settings.apiKeySha256()).containsExactly(HASH, HASH);
    assertThat(settings.apiKeysEnvironmentValue()).isEqualTo(HASH + "," + HASH);
  }

  @Test
  void namedKeysAreReadFromJsonAsCdkDeployPassesIt() {
    String other = HASH.replace('9', '8');
    PrintrelaySettings settings =
        PrintrelaySettings.fromContext(
            Map.of(
                    "functionJar",
                    jar(),
                    "apiKeySha256",
                    other,
                    "apiKeys",
                    """
                    [{"name": "installer", "sha256": "%s", "capabilities": ["printer-config", "raw"]},
                     {"name": "wall", "sha256": "%s", "roles": ["viewer"]}]
                    """
                        .formatted(HASH.toUpperCase(), HASH.replace('9', '7')))
                ::get);

    assertThat(settings.apiKeys())
        .containsExactly(
            new NamedApiKey("installer", HASH, List.of(), List.of("printer-config", "raw")),
            new NamedApiKey("wall", HASH.replace('9', '7'), List.of("viewer"), List.of()));
    assertThat(settings.apiKeysJsonEnvironmentValue())
        .isEqualTo(
            "[{\"name\":\"installer\",\"sha256\":\""
                + HASH
                + "\",\"capabilities\":[\"printer-config\",\"raw\"]},"
                + "{\"name\":\"wall\",\"sha256\":\""
                + HASH.replace('9', '7')
                + "\",\"roles\":[\"viewer\"]}]");
    assertThat(settings.apiKeySha256()).containsExactly(other);
  }

  @Test
  void namedKeysAreReadAsAListFromCdkJson() {
    PrintrelaySettings settings =
        PrintrelaySettings.fromContext(
            Map.of(
                    "functionJar",
                    jar(),
                    "apiKeys",
                    List.of(Map.of("name", "odoo", "sha256", HASH, "capabilities", List.of("raw"))))
                ::get);

    assertThat(settings.apiKeys())
        .containsExactly(new NamedApiKey("odoo", HASH, List.of(), List.of("raw")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\": \"odoo\", \"sha256\": \"my-odoo-key\"}", // the key, not its hash
        "{\"name\": \"odoo\", \"sha256\": \"HASH\", \"capabilites\": [\"raw\"]}",
        "{\"name\": \"odoo\", \"sha256\": \"HASH\", \"capabilities\": [\"rwa\"]}",
        "{\"name\": \"odoo\", \"sha256\": \"HASH\", \"capabilities\": \"raw\"}",
        "{\"name\": \"odoo\", \"sha256\": \"HASH\", \"capabilities\": [\"raw\", \"raw\"]}",
        "{\"name\": \"odoo\", \"sha256\": \"HASH\", \"roles\": []}",
        "{\"name\": \"odoo\", \"sha256\": \"HASH\", \"roles\": [\"admin\"]}",
        "{\"name\": \"odoo key\", \"sha256\": \"HASH\"}",
        "{\"sha256\": \"HASH\"}",
        "\"HASH\""
      })
  void aMalformedNamedKeyIsNamedByPositionWithoutEchoingIt(String bad) {
    String first = "{\"name\": \"first\", \"sha256\": \"" + HASH.replace('9', '7') + "\"}";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> namedKeys("[" + first + ", " + bad.replace("HASH", HASH) + "]"))
        .withMessageContaining("context apiKeys 'entry 2'")
        .withMessageNotContaining(HASH)
        .withMessageNotContaining("my-odoo-key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"my-odoo-key", "{\"name\": \"odoo\", \"sha256\": \"my-odoo-key\"}"})
  void apiKeysThatAreNotAJsonListAreRefusedWithoutEchoingThem(String bad) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> namedKeys(bad))
        .withMessageContaining("context apiKeys")
        .withMessageContaining("a JSON list")
        .withMessageNotContaining("my-odoo-key");
  }

  @Test
  void aNamedKeyIsGivenOnceByNameAndByHash() {
    String other = HASH.replace('9', '7');
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                namedKeys(
                    "[{\"name\": \"odoo\", \"sha256\": \"%s\"}, {\"name\": \"odoo\", \"sha256\": \"%s\"}]"
                        .formatted(HASH, other)))
        .withMessageContaining("entry 2")
        .withMessageContaining("each name once");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                PrintrelaySettings.fromContext(
                    Map.of(
                            "functionJar",
                            jar(),
                            "apiKeySha256",
                            HASH,
                            "apiKeys",
                            "[{\"name\": \"odoo\", \"sha256\": \"%s\"}]".formatted(HASH))
                        ::get))
        .withMessageContaining("entry 1")
        .withMessageContaining("a key given once");
  }

  @Test
  void rolesAndCapabilitiesAreTheFunctions() {
    assertThat(NamedApiKey.ROLES).isEqualTo(Roles.ALL);
    assertThat(NamedApiKey.CAPABILITIES)
        .isEqualTo(
            Arrays.stream(Capability.values())
                .map(Capability::configName)
                .collect(Collectors.toSet()));
  }

  @Test
  void operatorAccountsAreSplitOnCommasAndTrimmed() {
    String viewer = "wall.screen@line-1:viewer:" + PASSWORD_HASH;
    PrintrelaySettings settings =
        PrintrelaySettings.fromContext(
            Map.of("functionJar", jar(), "operatorAccounts", " " + ACCOUNT + " ,, " + viewer + ",")
                ::get);

    assertThat(settings.operatorAccounts()).containsExactly(ACCOUNT, viewer);
    assertThat(settings.operatorAccountsEnvironmentValue()).isEqualTo(ACCOUNT + "," + viewer);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ana:operator:hunter2-the-password", // a password, not a hash
        "ana:admin:" + PASSWORD_HASH, // no such role
        "ana:" + PASSWORD_HASH, // no role
        "ana:operator", // no hash
        "ana:operator:pbkdf2-sha256", // the shell ate $210000$...
        "ana:operator:" + PASSWORD_HASH + ":more",
        "ana smith:operator:" + PASSWORD_HASH, // the function's usernames have no spaces
        ":viewer:" + PASSWORD_HASH
      })
  void aMalformedOperatorAccountIsNamedByPositionWithoutEchoingIt(String bad) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> accounts(List.of(ACCOUNT, bad)))
        .withMessageContaining("operatorAccounts")
        .withMessageContaining("entry 2")
        .withMessageNotContaining(bad)
        .withMessageNotContaining("hunter2");
  }

  @Test
  void anOperatorGivenTwiceIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                accounts(
                    List.of(
                        ACCOUNT, "wall:viewer:" + PASSWORD_HASH, "ana:viewer:" + PASSWORD_HASH)))
        .withMessageContaining("entry 3")
        .withMessageContaining("each username once");
  }

  @Test
  void keysAndAccountsTogetherMustFitLambdasEnvironment() {
    List<String> fiftyKeys = Collections.nCopies(50, HASH);
    // 50 keys take 3,249 characters, each of these accounts 106 more.
    List<String> accounts =
        IntStream.rangeClosed(1, 3)
            .mapToObj(i -> "operator" + i + ":operator:" + PASSWORD_HASH)
            .toList();

    assertThat(
            new PrintrelaySettings(
                    "printrelay", "printrelay", Path.of(jar()), fiftyKeys, accounts.subList(0, 2))
                .operatorAccounts())
        .hasSize(2);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PrintrelaySettings(
                    "printrelay", "printrelay", Path.of(jar()), fiftyKeys, accounts))
        .withMessageContaining("4 KB environment");
  }

  @Test
  void aMissingJarNamesTheBuildCommand() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                PrintrelaySettings.fromContext(
                    Map.of("functionJar", dir.resolve("absent.jar").toString())::get))
        .withMessageContaining("./mvnw -pl cloud-function -am package");
  }

  @ParameterizedTest
  @ValueSource(strings = {"my-odoo-key", "abc123", HASH + "0"})
  void aValueThatIsNotAHashIsRefusedWithoutEchoingIt(String notAHash) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings("printrelay", "printrelay", List.of(HASH, notAHash)))
        .withMessageContaining("entry 2")
        .withMessageNotContaining(notAHash);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "dot.ted", TOO_LONG})
  void queuePrefixMustFitSqsQueueNames(String prefix) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings(prefix, "printrelay", List.of()))
        .withMessageContaining("queuePrefix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "has space", "slash/ed"})
  void tableNameMustFitDynamoDbNames(String table) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings("printrelay", table, List.of()))
        .withMessageContaining("tableName");
  }

  private PrintrelaySettings settings(String prefix, String table, List<String> hashes) {
    return new PrintrelaySettings(prefix, table, Path.of(jar()), hashes, List.of());
  }

  private PrintrelaySettings namedKeys(String json) {
    return PrintrelaySettings.fromContext(Map.of("functionJar", jar(), "apiKeys", json)::get);
  }

  private PrintrelaySettings accounts(List<String> accounts) {
    return new PrintrelaySettings("printrelay", "printrelay", Path.of(jar()), List.of(), accounts);
  }

  private String jar() {
    try {
      Path jar = dir.resolve("function.jar");
      if (!Files.exists(jar)) {
        Files.writeString(jar, "stand-in");
      }
      return jar.toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
