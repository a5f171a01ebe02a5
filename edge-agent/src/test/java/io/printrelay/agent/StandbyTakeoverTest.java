package io.printrelay.agent;

import static io.printrelay.agent.AgentTestBed.printedIndexes;
import static io.printrelay.agent.AgentTestBed.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two agents configured with the same printer (docs/printing.md#one-agent-per-printer): one drives
 * it, the other stands by, and takes it over once the holder stops renewing its lease.
 */
@Timeout(120)
class StandbyTakeoverTest {
  private final AgentTestBed bed = new AgentTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  @Test
  void theStandbyPrintsNothingWhileTheHolderDrivesThePrinterAndTakesOverWhenItStops()
      throws IOException {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(50));
    Agent holder = bed.start(bed.config(printer).agentId("holder").build());
    Agent standby =
        bed.start(
            bed.config(printer)
                .agentId("standby")
                .dataDir(Files.createTempDirectory("printrelay-standby-"))
                .build());
    assertThat(standby.printers()).containsKey("line-1");

    String first = bed.submit("line-1", Priority.NORMAL, 20);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> bed.job(first).status() == JobStatus.COMPLETED);
    assertThat(counts(printer, first).values()).as("each label once").allMatch(n -> n == 1);

    String second = bed.submit("line-1", Priority.NORMAL, 120);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> printedIndexes(printer, second).size() >= 30);
    holder.halt(); // its lease is not handed on: the standby waits for it to run out
    Set<Integer> recorded =
        bed.labels(second).stream()
            .filter(label -> label.status() == LabelStatus.PRINTED)
            .map(Label::index)
            .collect(Collectors.toSet());

    await("the standby takes over within 60 s and finishes the job")
        .atMost(Duration.ofSeconds(60))
        .until(() -> bed.job(second).status() == JobStatus.COMPLETED);
    Map<Integer, Long> copies = counts(printer, second);
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(range(1, 120));
    assertThat(recorded)
        .as("labels the table had recorded printed are not printed again")
        .allSatisfy(index -> assertThat(copies.get(index)).isEqualTo(1));
    List<Integer> twice =
        copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    assertThat(bed.job(second).uncertainLabels())
        .as("every label printed twice because of the takeover is flagged")
        .containsAll(twice);
  }

  private static Map<Integer, Long> counts(VirtualPrinter printer, String jobId) {
    List<Integer> printed = printedIndexes(printer, jobId);
    return printed.stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
