package io.printrelay.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar that ships to the Raspberry Pi, after {@code package}. The virtual printer is a test and
 * `printrelay local` tool in its own module; a compile-scope dependency or classes moved back into
 * the agent would put a second TCP server onto every commissary's agent, so this fails then.
 */
class AgentJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("agent.jar", "target/printrelay-agent-all.jar"));

  @Test
  void holdsTheAgentButNoVirtualPrinter() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertThat(jar.getEntry("io/printrelay/agent/AgentMain.class")).isNotNull();
      List<String> virtualPrinter =
          jar.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.startsWith("io/printrelay/virtualprinter/"))
              .toList();
      assertThat(virtualPrinter).isEmpty();
    }
  }
}
