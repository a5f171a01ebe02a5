package io.printrelay.agent.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.Printer;
import io.printrelay.model.PrinterState;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.table.JobTable;
import io.printrelay.table.PrinterItems;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract on DynamoDB Local, plus what only the table has: indexes, pages, printer items. */
class DynamoDbProgressTest extends JobProgressContract {
  private final Sandbox aws = SharedEmbeddedAws.newSandbox();
  private final DynamoDbProgress progress = new DynamoDbProgress(aws.dynamoDb(), aws.table());
  private final DynamoDbPrinters printers =
      new DynamoDbPrinters(aws.dynamoDb(), aws.table(), Duration.ofSeconds(45));

  @Override
  JobProgress progress() {
    return progress;
  }

  @Override
  void store(Job job, List<Label> labels) {
    aws.dynamoDb().putItem(b -> b.tableName(aws.table()).item(ItemMapper.jobItem(job)));
    for (Label label : labels) {
      aws.dynamoDb().putItem(b -> b.tableName(aws.table()).item(ItemMapper.labelItem(label)));
    }
  }

  @Override
  void register(String printerId) {
    printers.report(printerId, "127.0.0.1", 9100, "agent-a", PrinterStatus.printing("j1"), T0);
  }

  @Override
  void pausePrinter(String printerId) {
    aws.dynamoDb().updateItem(PrinterItems.setPaused(printerId, true).request(aws.table()));
  }

  @Override
  Label label(String jobId, int index) {
    return ItemMapper.label(
        aws.dynamoDb()
            .getItem(
                b ->
                    b.tableName(aws.table()).key(ItemKeys.label(jobId, index)).consistentRead(true))
            .item());
  }

  @Test
  void finishingTakesTheJobOffTheActiveIndexOnlyFromPrinting() {
    store("j1", JobStatus.PRINTING, 1);
    store("j2", JobStatus.PAUSED, 1);

    progress.fail("j1", "printer unreachable", T1);

    Map<String, ?> item =
        aws.dynamoDb()
            .getItem(b -> b.tableName(aws.table()).key(ItemKeys.job("j1")).consistentRead(true))
            .item();
    assertThat(item)
        .doesNotContainKeys(
            JobTable.ACTIVE_PRINTER_ID,
            JobTable.QUEUE_KEY,
            JobTable.CURRENT_LABEL,
            JobTable.IN_FLIGHT_LABEL);
    Job failed = progress.job("j1").orElseThrow();
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.error()).isEqualTo("printer unreachable");
    assertThat(failed.finishedAt()).isEqualTo(T1);
    assertThatThrownBy(() -> progress.complete("j2", T1)).isInstanceOf(ProgressConflict.class);
  }

  @Test
  void labelsComeInIndexOrderAcrossPages() {
    byte[] big = new byte[60 * 1024]; // ~17 labels per 1 MB page
    Arrays.fill(big, (byte) 'x');
    store("j1", JobStatus.PRINTING, 0);
    for (int i = 1; i <= 40; i++) {
      Label label = Label.pending("j1", i, big);
      aws.dynamoDb().putItem(b -> b.tableName(aws.table()).item(ItemMapper.labelItem(label)));
    }

    List<Integer> indexes = new ArrayList<>();
    progress.labels("j1").forEach(label -> indexes.add(label.index()));

    assertThat(indexes).hasSize(40).isSorted();
  }

  @Test
  void reportingAPrinterNeverTouchesItsPause() {
    register("p1");
    pausePrinter("p1");

    printers.report("p1", "10.0.0.9", 9100, "agent-a", PrinterStatus.offline("refused"), T1);

    Printer printer =
        ItemMapper.printer(
            aws.dynamoDb()
                .getItem(
                    b -> b.tableName(aws.table()).key(ItemKeys.printer("p1")).consistentRead(true))
                .item());
    assertThat(printer.paused()).isTrue();
    assertThat(printers.paused("p1")).isTrue();
    assertThat(printer.state()).isEqualTo(PrinterState.OFFLINE);
    assertThat(printer.detail()).isEqualTo("refused");
    assertThat(printer.agentId()).isEqualTo("agent-a");
    assertThat(printer.lastSeen()).isEqualTo(T1);
    assertThat(printers.paused("never-registered")).isFalse();
  }

  @Test
  void aSecondAgentStandsByUntilTheLeaseRunsOutOrIsHandedOn() {
    assertThat(report("lease-p", "agent-a", 0)).isTrue();
    assertThat(report("lease-p", "agent-b", 30)).as("held by agent-a until 45 s").isFalse();
    assertThat(report("lease-p", "agent-a", 40)).as("renewed until 85 s").isTrue();
    assertThat(report("lease-p", "agent-b", 80)).isFalse();
    assertThat(report("lease-p", "agent-b", 86)).as("ran out: taken over").isTrue();
    assertThat(report("lease-p", "agent-a", 90)).isFalse();

    printers.releaseLease("lease-p", "agent-a"); // not the holder: changes nothing
    assertThat(report("lease-p", "agent-a", 91)).isFalse();
    printers.releaseLease("lease-p", "agent-b");
    assertThat(report("lease-p", "agent-a", 92)).as("handed on at a graceful stop").isTrue();
  }

  private boolean report(String printerId, String agentId, int atSecond) {
    return printers.report(
        printerId, "127.0.0.1", 9100, agentId, PrinterStatus.ready(), T0.plusSeconds(atSecond));
  }
}
