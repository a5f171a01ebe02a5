package io.printrelay.agentpackage;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.printrelay.agent.AgentTestBed;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The agent as the Debian package installs it: files read back out of the .deb that {@code package}
 * built (an ar archive whose {@code data.tar.gz} holds the files), and the agent started as its
 * systemd unit starts it, in a process of its own.
 */
final class PackagedAgent {
  static final String JAR = "/usr/share/printrelay-agent/printrelay-agent.jar";
  static final String UNIT = "/usr/lib/systemd/system/printrelay-agent.service";
  static final String PROPERTIES = "/etc/printrelay/agent.properties";

  private static final Pattern JAVA_OPTS =
      Pattern.compile("^Environment=\"JAVA_OPTS=([^\"]*)\"$", Pattern.MULTILINE);
  private static final Pattern STOP_TIMEOUT =
      Pattern.compile("^TimeoutStopSec=(\\d+)$", Pattern.MULTILINE);

  private PackagedAgent() {}

  /** The newest printrelay-agent_*_all.deb in the build directory. */
  static Path deb() {
    Path dir = Path.of(System.getProperty("deb.dir", "target"));
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("printrelay-agent_.+_all\\.deb"))
          .max(Comparator.comparing(PackagedAgent::modified))
          .orElseThrow(() -> new IllegalStateException("no printrelay-agent .deb in " + dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of the file the package installs at {@code path}. */
  static byte[] file(Path deb, String path) throws IOException {
    try (ArArchiveInputStream ar =
        new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
      for (ArArchiveEntry member = ar.getNextEntry(); member != null; member = ar.getNextEntry()) {
        if (member.getName().equals("data.tar.gz")) {
          return fromData(new GZIPInputStream(ar), path);
        }
      }
    }
    throw new IllegalStateException(deb + " has no data.tar.gz");
  }

  private static byte[] fromData(InputStream data, String path) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(data)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.getName().replaceFirst("^\\.", "").equals(path)) {
          return tar.readAllBytes();
        }
      }
    }
    throw new IllegalStateException("the package holds no " + path);
  }

  static final String JVM_ARGS = "/usr/share/printrelay-agent/agent.jvmargs";

  /** The JVM flags the unit starts the agent with: the packaged argument file, then JAVA_OPTS. */
  static List<String> jvmFlags(Path deb, String unit) throws IOException {
    if (!unit.contains("@" + JVM_ARGS)) {
      throw new IllegalStateException("the unit does not read " + JVM_ARGS);
    }
    List<String> flags = new java.util.ArrayList<>();
    for (String line : new String(file(deb, JVM_ARGS), UTF_8).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        flags.add(line.trim());
      }
    }
    Matcher m = JAVA_OPTS.matcher(unit);
    if (m.find() && !m.group(1).isBlank()) {
      flags.addAll(List.of(m.group(1).trim().split("\\s+")));
    }
    return flags;
  }

  /** How long systemd waits for the agent to stop before it kills it. */
  static int stopTimeoutSeconds(String unit) {
    Matcher m = STOP_TIMEOUT.matcher(unit);
    if (!m.find()) {
      throw new IllegalStateException("the unit sets no TimeoutStopSec");
    }
    return Integer.parseInt(m.group(1));
  }

  static String unit(Path deb) throws IOException {
    return new String(file(deb, UNIT), UTF_8);
  }

  /**
   * Starts {@code jar} as the unit does (its JVM flags, {@code --config}, {@code --data-dir}), the
   * config written for the bed's emulated queues and table. Quick polls and a short visibility
   * timeout keep the tests short; the agent id is the bed's, as a reinstalled agent keeps it.
   */
  static Process start(
      Path jar, List<String> jvmFlags, AgentTestBed bed, String printers, Path logDir)
      throws IOException {
    Path config = Files.createTempFile("agent-", ".properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "sqs-endpoint=" + bed.aws.aws().sqsEndpoint(),
            "dynamodb-endpoint=" + bed.aws.aws().dynamoDbEndpoint(),
            "region=us-east-1",
            "table=" + bed.aws.table(),
            "queue-prefix=" + bed.aws.queueNames().prefix(),
            "printers=" + printers,
            "agent-id=test-agent",
            "poll-wait=1",
            "visibility-timeout=6",
            ""));
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmFlags);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--config",
            config.toString(),
            "--data-dir",
            bed.dataDir().toString()));
    // Its log lands in target/, next to the failsafe reports, for when a test fails.
    Path log = Files.createTempFile(Files.createDirectories(logDir), "agent-process-", ".log");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
