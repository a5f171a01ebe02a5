package io.printrelay.table;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Operators' writes on DynamoDB Local: each only on the status it was decided on. */
class OperatorUpdatesTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final Sandbox sandbox = SharedEmbeddedAws.newSandbox();

  @Test
  void aTierChangeDecidedOnAQueuedJobIsRefusedOnceTheJobIsPaused() {
    Job paused = aJob().status(JobStatus.PAUSED).storeIn(sandbox.dynamoDb(), sandbox.table());

    assertThatThrownBy(
            () ->
                write(
                    OperatorUpdates.reprioritise(
                        paused.jobId(), JobStatus.QUEUED, Priority.NORMAL, Priority.HIGH, NOW)))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  void aQueuedJobMovedToAnotherTierEntersItNowWithItsNextDispatchClaimed() {
    Job queued = aJob().dispatched(1).storeIn(sandbox.dynamoDb(), sandbox.table());

    Job moved =
        write(
            OperatorUpdates.reprioritise(
                queued.jobId(), JobStatus.QUEUED, Priority.NORMAL, Priority.LOW, NOW));

    assertThat(moved.priority()).isEqualTo(Priority.LOW);
    assertThat(moved.enqueuedAt()).isEqualTo(NOW);
    assertThat(moved.dispatchCount()).isEqualTo(2);
    assertThat(moved.dispatchPending()).isTrue();
  }

  @Test
  void aCancelDecidedOnAWaitingJobLeavesAJobThatStartedPrinting() {
    Job printing = aJob().printing(1, NOW).storeIn(sandbox.dynamoDb(), sandbox.table());

    assertThatThrownBy(() -> write(OperatorUpdates.cancel(printing.jobId(), JobStatus.QUEUED, NOW)))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  void aFinishedJobIsRecordedResumedOnceAndAResumeAfterThatIsRefused() {
    Job cancelled = aJob().status(JobStatus.CANCELLED).storeIn(sandbox.dynamoDb(), sandbox.table());

    Job resumed = write(OperatorUpdates.resumedAs(cancelled.jobId(), "follow-up-1", NOW));

    assertThat(resumed.resumedAs()).isEqualTo("follow-up-1");
    assertThat(resumed.status()).isEqualTo(JobStatus.CANCELLED);
    assertThatThrownBy(
            () -> write(OperatorUpdates.resumedAs(cancelled.jobId(), "follow-up-2", NOW)))
        .isInstanceOf(ConditionalCheckFailedException.class);
    assertThat(read(cancelled.jobId()).resumedAs()).isEqualTo("follow-up-1");
  }

  @Test
  void onlyAFailedOrCancelledJobCanBeRecordedResumed() {
    Job paused = aJob().status(JobStatus.PAUSED).storeIn(sandbox.dynamoDb(), sandbox.table());

    assertThatThrownBy(() -> write(OperatorUpdates.resumedAs(paused.jobId(), "follow-up", NOW)))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  private Job read(String jobId) {
    return ItemMapper.job(
        sandbox
            .dynamoDb()
            .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.job(jobId)))
            .item());
  }

  private Job write(ItemUpdate update) {
    return ItemMapper.job(
        sandbox
            .dynamoDb()
            .updateItem(update.request(sandbox.table(), ReturnValue.ALL_NEW))
            .attributes());
  }
}
