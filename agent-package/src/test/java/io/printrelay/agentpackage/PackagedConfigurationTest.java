package io.printrelay.agentpackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.agent.AgentOptions;
import io.printrelay.agent.InvalidConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit's command line and the shipped agent.properties are options the agent accepts: the
 * journal in the state directory, the file's keys read, and an agent that exits with status 2
 * (which the unit does not restart) until printers are listed.
 */
class PackagedConfigurationTest {
  private static final Path SOURCES = Path.of("src", "deb");
  private static final Pattern EXEC_START =
      Pattern.compile("^ExecStart=(.*)", Pattern.MULTILINE | Pattern.DOTALL);

  @TempDir Path etc;

  @Test
  void theUnitPointsTheJournalAtTheStateDirectoryAndReadsTheShippedFile() throws IOException {
    String unit = Files.readString(SOURCES.resolve("printrelay-agent.service"));
    assertThat(unit).contains("StateDirectory=printrelay-agent\n");
    Path properties = etc.resolve("agent.properties");
    Files.writeString(
        properties,
        Files.readString(SOURCES.resolve("agent.properties"))
            .replace("\nprinters=\n", "\nprinters=line-1=10.0.0.21:9100\n"));

    AgentOptions options = AgentOptions.parse(agentArguments(unit, properties), () -> "pi");

    assertThat(options.config().dataDir()).isEqualTo(Path.of("/var/lib/printrelay-agent"));
    assertThat(options.region()).isEqualTo("eu-west-1");
    assertThat(options.config().table()).isEqualTo("printrelay");
    assertThat(options.config().queueNames().prefix()).isEqualTo("printrelay");
    assertThat(options.config().printers()).hasSize(1);
    assertThat(options.config().agentId()).isEqualTo("pi");
    assertThat(options.sqsEndpoint()).as("real SQS").isNull();
  }

  @Test
  void theShippedFileAsInstalledIsRefusedUntilPrintersAreListed() throws IOException {
    String unit = Files.readString(SOURCES.resolve("printrelay-agent.service"));
    assertThat(unit).contains("RestartPreventExitStatus=2\n");
    Path properties = Files.copy(SOURCES.resolve("agent.properties"), etc.resolve("a.properties"));

    assertThatThrownBy(() -> AgentOptions.parse(agentArguments(unit, properties), () -> "pi"))
        .isInstanceOf(InvalidConfig.class)
        .hasMessageContaining("printer");
  }

  /** ExecStart's arguments after the jar, the properties file at {@code properties}. */
  private static String[] agentArguments(String unit, Path properties) {
    Matcher m = EXEC_START.matcher(unit);
    assertThat(m.find()).isTrue();
    String command = m.group(1).split("\n(?!\\s)")[0].replace("\\\n", " ");
    List<String> words = List.of(command.trim().split("\\s+"));
    List<String> arguments =
        new ArrayList<>(words.subList(words.indexOf("-jar") + 2, words.size()));
    arguments.set(arguments.indexOf("/etc/printrelay/agent.properties"), properties.toString());
    return arguments.toArray(String[]::new);
  }
}
