package io.printrelay.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The edge agent under measurement, in a JVM of its own ({@code AgentMain}, the same classpath as
 * the bench), so that its CPU time and resident memory are its own and not the emulators'. It
 * reaches SQS and DynamoDB through the bench's proxies and runs with the production poll wait and
 * visibility timeout; its output goes to {@code <tmp>/printrelay-bench/<agent id>.log}, replaced by
 * the next run.
 */
final class AgentProcess implements AutoCloseable {
  private static final Path JVM_OPTIONS =
      Path.of("edge-agent", "src", "main", "jvm", "agent.jvmargs");

  /** The agent's JVM options file, found from the project root or one of its modules. */
  static Path jvmOptions() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(JVM_OPTIONS))) {
        return dir.resolve(JVM_OPTIONS);
      }
    }
    throw new IllegalStateException("no " + JVM_OPTIONS + " above " + Path.of("").toAbsolutePath());
  }

  private static final String MAIN = "io.printrelay.agent.AgentMain";

  private final Process process;
  private final Path log;

  private AgentProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts the agent for {@code printers} ({@code ID=HOST:PORT} each). */
  static AgentProcess start(
      String agentId,
      List<String> printers,
      URI sqs,
      URI dynamoDb,
      String table,
      String queuePrefix) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jvmOptions(), // as `./printrelay agent` starts it
                // Logback finds several logback.xml on this classpath and would say so at length.
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp",
                System.getProperty("java.class.path"),
                MAIN,
                "--sqs-endpoint",
                sqs.toString(),
                "--dynamodb-endpoint",
                dynamoDb.toString(),
                "--region",
                "us-east-1",
                "--table",
                table,
                "--queue-prefix",
                queuePrefix,
                "--agent-id",
                agentId,
                "--printers",
                String.join(",", printers),
                "--poll-wait",
                "20",
                "--visibility-timeout",
                "60"));
    try {
      Path logs = Path.of(System.getProperty("java.io.tmpdir"), "printrelay-bench");
      Path log = Files.createDirectories(logs).resolve(agentId + ".log");
      // Each run's journal starts empty: a journal of an earlier run names jobs of another table.
      command.addAll(
          List.of("--data-dir", Files.createTempDirectory(logs, agentId + "-data-").toString()));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new AgentProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the agent JVM", e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** CPU time (user + system) the agent's JVM has used since it started. */
  Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** Resident memory now (VmRSS), in KiB; -1 where /proc does not say. */
  long residentKib() {
    return ProcStatus.kib(process.pid(), "VmRSS");
  }

  /** The most resident memory so far (VmHWM, the high-water mark), in KiB; -1 if unknown. */
  long peakResidentKib() {
    return ProcStatus.kib(process.pid(), "VmHWM");
  }

  /** Starts the peak over: the next {@link #peakResidentKib()} counts from now (Linux 4.0+). */
  void resetPeakResident() {
    ProcStatus.resetPeak(process.pid());
  }

  /**
   * SIGTERM: the agent stops as under systemd. Its long polls run out first (up to the 20 s poll
   * wait) and what they bring is handed back to SQS at once; killed instead, it would leave them
   * pending in ElasticMQ, where they would take the next scenario's messages and hide them for a
   * whole visibility timeout.
   */
  void requestStop() {
    process.destroy();
  }

  /** Waits for the stop asked for, killing the JVM if it takes longer than {@code limit}. */
  void awaitStop(Duration limit) {
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** SIGKILL, for the last agent of the bench: nothing after it can lose a message to it. */
  void kill() {
    process.destroyForcibly();
    awaitStop(Duration.ofSeconds(10));
  }

  /** A graceful stop, bounded: the poll wait plus a margin. */
  @Override
  public void close() {
    requestStop();
    awaitStop(Duration.ofSeconds(30));
  }
}
