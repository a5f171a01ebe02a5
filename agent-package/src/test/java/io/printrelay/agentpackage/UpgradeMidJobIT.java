package io.printrelay.agentpackage;

import static io.printrelay.agent.AgentTestBed.awaitEveryLabel;
import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static io.printrelay.agent.AgentTestBed.range;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.agent.AgentTestBed;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apt install} of a new version while a job prints, as dpkg and the package's scripts do it:
 * the new files are unpacked over the old ones while the old agent runs, then postinst restarts the
 * service: systemd sends the old agent SIGTERM and starts the new one on the same state directory.
 * The new one resumes the job: every label on paper exactly once.
 */
@Timeout(180)
class UpgradeMidJobIT {
  private static final int LABELS = 150;

  private final AgentTestBed bed = new AgentTestBed();
  private Process running;

  @TempDir Path root;

  @AfterEach
  void tearDown() {
    if (running != null) {
      running.destroyForcibly();
    }
    bed.close();
  }

  @Test
  void theNewVersionResumesTheJobTheOldOneWasPrinting() throws Exception {
    Path deb = PackagedAgent.deb();
    String unit = PackagedAgent.unit(deb);
    List<String> jvmFlags = PackagedAgent.jvmFlags(deb, unit);
    VirtualPrinter printer = bed.printer("vp", Duration.ofMillis(20));
    String printers = "vp=127.0.0.1:" + printer.port();
    Path logs = Path.of("target");

    // The version installed before: the agent jar of this build, where the package puts it.
    Path installed = root.resolve(PackagedAgent.JAR.substring(1));
    Files.createDirectories(installed.getParent());
    Files.copy(Path.of(System.getProperty("agent.jar")), installed);
    String jobId = bed.submit("vp", Priority.NORMAL, LABELS);
    running = PackagedAgent.start(installed, jvmFlags, bed, printers, logs);
    await().atMost(Duration.ofSeconds(60)).until(() -> printedIndexes(printer, jobId).size() >= 30);

    // dpkg unpacks the new jar beside the old one and renames it into place; the old JVM keeps
    // the file it opened.
    Path unpacked = installed.resolveSibling(installed.getFileName() + ".dpkg-new");
    Files.write(unpacked, PackagedAgent.file(deb, PackagedAgent.JAR));
    Files.move(unpacked, installed, ATOMIC_MOVE);
    assertThat(printer.awaitPrinted(printer.printedCount() + 5, Duration.ofSeconds(10)))
        .as("the old agent prints on from the jar it opened")
        .isTrue();

    // postinst: systemctl restart, i.e. SIGTERM and at most TimeoutStopSec for the old agent.
    Process old = running;
    old.destroy();
    assertThat(old.waitFor(PackagedAgent.stopTimeoutSeconds(unit), TimeUnit.SECONDS))
        .as("the old agent stops within the unit's TimeoutStopSec")
        .isTrue();
    assertThat(old.exitValue()).as("the unit's SuccessExitStatus").isEqualTo(143);
    Job stopped = bed.job(jobId);
    assertThat(stopped.status()).isEqualTo(JobStatus.PRINTING);
    assertThat(stopped.printed()).as("stopped mid-job").isBetween(30, LABELS - 1);
    assertThat(stopped.inFlightLabel()).as("the label on the wire was finished").isNull();

    running = PackagedAgent.start(installed, jvmFlags, bed, printers, logs);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    Map<Integer, Long> copies = awaitEveryLabel(printer, jobId, LABELS);
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(range(1, LABELS));
    assertThat(copies).as("copies of each label").allSatisfy((index, n) -> assertThat(n).isOne());
    Job done = bed.job(jobId);
    assertThat(done.printed()).isEqualTo(LABELS);
    assertThat(done.uncertainLabels()).isEmpty();
    assertThat(printer.partials()).isEmpty();
    await().atMost(Duration.ofSeconds(20)).until(() -> bed.allMessages() == 0);
  }
}
