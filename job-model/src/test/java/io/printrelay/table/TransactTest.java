package io.printrelay.table;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.model.PrinterState;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final Sandbox sandbox = SharedEmbeddedAws.newSandbox();

  @Test
  void commitsWhenEveryConditionHolds() {
    Job job = aJob().status(JobStatus.QUEUED).storeIn(sandbox.dynamoDb(), sandbox.table());

    Transact.Outcome outcome =
        Transact.write(
            sandbox.dynamoDb(),
            List.of(
                JobUpdates.apply(job.jobId(), JobEvent.START, NOW).transactItem(sandbox.table())),
            Backoff.DYNAMODB);

    assertThat(outcome.committed()).isTrue();
  }

  @Test
  void namesTheActionsThatRefusedWithTheItemAsItWas() {
    register("line-1");
    sandbox.dynamoDb().updateItem(PrinterItems.setPaused("line-1", true).request(sandbox.table()));
    Job job = aJob().status(JobStatus.PAUSED).storeIn(sandbox.dynamoDb(), sandbox.table());

    Transact.Outcome outcome =
        Transact.write(
            sandbox.dynamoDb(),
            List.of(
                ItemUpdate.check(
                    sandbox.table(), ItemKeys.printer("line-1"), PrinterItems.notPaused()),
                JobUpdates.apply(job.jobId(), JobEvent.PROGRESS, NOW)
                    .set(JobTable.CURRENT_LABEL, ItemMapper.n(1))
                    .transactItem(sandbox.table()),
                ItemUpdate.putIfAbsent(
                    sandbox.table(),
                    IdempotencyItems.claim("scope", "k", "j2", NOW, NOW.plusSeconds(60)))),
            Backoff.DYNAMODB);

    assertThat(outcome.committed()).isFalse();
    assertThat(outcome.refused(0)).isTrue();
    assertThat(outcome.refused(1)).isTrue();
    assertThat(outcome.refused(2)).isFalse();
    assertThat(ItemMapper.job(outcome.refusedItem(1)).status()).isEqualTo(JobStatus.PAUSED);
  }

  @Test
  void anAgentsReportKeepsAnOperatorsPause() {
    register("line-2");
    sandbox.dynamoDb().updateItem(PrinterItems.setPaused("line-2", true).request(sandbox.table()));

    sandbox
        .dynamoDb()
        .updateItem(
            PrinterItems.report(
                    "line-2",
                    "10.0.0.9",
                    9100,
                    "pi-2",
                    PrinterState.ERROR,
                    "paper out",
                    "j1",
                    NOW.plusSeconds(5))
                .request(sandbox.table()));

    var printer =
        ItemMapper.printer(
            sandbox
                .dynamoDb()
                .getItem(
                    b ->
                        b.tableName(sandbox.table())
                            .key(ItemKeys.printer("line-2"))
                            .consistentRead(true))
                .item());
    assertThat(printer.paused()).isTrue();
    assertThat(printer.state()).isEqualTo(PrinterState.ERROR);
    assertThat(printer.detail()).isEqualTo("paper out");
    assertThat(printer.currentJobId()).isEqualTo("j1");
    assertThat(printer.lastSeen()).isEqualTo(NOW.plusSeconds(5));
  }

  private void register(String printerId) {
    sandbox
        .dynamoDb()
        .updateItem(
            PrinterItems.report(
                    printerId, "10.0.0.9", 9100, "pi-1", PrinterState.READY, null, null, NOW)
                .request(sandbox.table()));
  }
}
