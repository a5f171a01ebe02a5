package io.printrelay.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `printrelay local` as a user runs it: a separate JVM, its ready line, the demo's 200 labels, a
 * SIGTERM, and a restart on the same data directory that still knows the job.
 */
class LocalCommandTest {
  private final List<Process> processes = new ArrayList<>();

  @TempDir Path dataDir;

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void demoPrintsTwoHundredLabelsAndARestartKeepsTheJob() throws Exception {
    int httpPort = freePort();
    List<String> args =
        List.of(
            "--http-port",
            Integer.toString(httpPort),
            "--sqs-port",
            Integer.toString(freePort()),
            "--dynamodb-port",
            Integer.toString(freePort()),
            "--data-dir",
            dataDir.toString(),
            "--ms-per-label",
            "1",
            "--api-key",
            "cmd-key");

    Output first = start(args, "--demo");
    first.awaitReady(httpPort);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> first.contains("200 of 200 printed (completed)"));
    assertThat(first.lines())
        .anyMatch(line -> line.matches("demo: \\[.*] \\d+ of 200 printed \\(printing\\)"));

    first.process().destroy(); // SIGTERM: a graceful stop
    assertThat(first.process().waitFor()).isIn(0, 143);

    Output second = start(args);
    second.awaitReady(httpPort);
    ApiClient api =
        new ApiClient(
            URI.create("http://127.0.0.1:" + httpPort), "cmd-key", JsonMapper.createDefault());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) api.get("/v1/jobs").get("jobs");
    assertThat(jobs)
        .singleElement()
        .satisfies(
            job ->
                assertThat(job)
                    .containsEntry("status", "completed")
                    .containsEntry("printed", 200)
                    .containsEntry("reference", "MO/00042 (demo)"));
  }

  @Test
  void aBadFlagIsRefusedWithExitCodeTwo() throws Exception {
    Output output = start(List.of("--http-port", "not-a-port"));
    assertThat(output.process().waitFor()).isEqualTo(2);
    await().until(() -> output.contains("--http-port takes a number"));
  }

  private Output start(List<String> args, String... more) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                LocalMain.class.getName()));
    command.addAll(args);
    command.addAll(List.of(more));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    processes.add(process);
    Output output = new Output(process, new CopyOnWriteArrayList<>());
    Thread.ofVirtual().start(() -> output.pump());
    return output;
  }

  private record Output(Process process, List<String> lines) {
    void pump() {
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException ended) {
        // the process went away
      }
    }

    boolean contains(String text) {
      return lines.stream().anyMatch(line -> line.contains(text));
    }

    /**
     * Until the process says it is ready, or has ended. A JVM starting DynamoDB Local, ElasticMQ
     * and Micronaut took over 100 s on a loaded 2-core machine: the bound only catches a hang.
     */
    void awaitReady(int httpPort) {
      String ready = "printrelay ready: http://127.0.0.1:" + httpPort;
      await().atMost(Duration.ofMinutes(4)).until(() -> contains(ready) || !process.isAlive());
      assertThat(contains(ready)).as("ready before it ended; it said: %s", lines).isTrue();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
