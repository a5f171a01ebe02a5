package io.printrelay.table;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The state machine as DynamoDB enforces it: every (status, event) pair on DynamoDB Local. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobUpdatesTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final Sandbox sandbox = SharedEmbeddedAws.newSandbox();

  static Stream<Arguments> everyStatusAndEvent() {
    List<Arguments> pairs = new ArrayList<>();
    for (JobStatus status : JobStatus.values()) {
      for (JobEvent event : JobEvent.values()) {
        pairs.add(Arguments.of(status, event));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{1} on a {0} job")
  @MethodSource("everyStatusAndEvent")
  void theTableAllowsExactlyTheStateMachinesMoves(JobStatus status, JobEvent event) {
    Job job = aJob().status(status).storeIn(sandbox.dynamoDb(), sandbox.table());
    // An event that keeps the status writes something else in production; any write will do here.
    var update =
        JobUpdates.apply(job.jobId(), event, NOW)
            .set(JobTable.REFERENCE, ItemMapper.s(event.name()))
            .request(sandbox.table(), ReturnValue.ALL_NEW);

    if (event.allowedFrom(status)) {
      Job written = ItemMapper.job(sandbox.dynamoDb().updateItem(update).attributes());
      assertThat(written.status()).isEqualTo(event.apply(status));
    } else {
      assertThatThrownBy(() -> sandbox.dynamoDb().updateItem(update))
          .isInstanceOf(ConditionalCheckFailedException.class);
      assertThat(read(job.jobId()).status()).isEqualTo(status);
    }
  }

  @Test
  void aFinalMoveStampsTheEndAndLeavesTheQueueIndexes() {
    Job job =
        aJob()
            .status(JobStatus.QUEUED)
            .undispatched(1)
            .storeIn(sandbox.dynamoDb(), sandbox.table());

    sandbox
        .dynamoDb()
        .updateItem(JobUpdates.apply(job.jobId(), JobEvent.CANCEL, NOW).request(sandbox.table()));

    var item =
        sandbox
            .dynamoDb()
            .getItem(
                b ->
                    b.tableName(sandbox.table())
                        .key(ItemKeys.job(job.jobId()))
                        .consistentRead(true))
            .item();
    assertThat(ItemMapper.job(item).finishedAt()).isEqualTo(NOW);
    assertThat(item)
        .doesNotContainKeys(JobTable.ACTIVE_PRINTER_ID, JobTable.QUEUE_KEY, JobTable.UNDISPATCHED);
  }

  static Stream<Arguments> everyFinalMove() {
    return Stream.of(
        Arguments.of(JobStatus.QUEUED, JobEvent.CANCEL),
        Arguments.of(JobStatus.PAUSED, JobEvent.CANCEL),
        Arguments.of(JobStatus.PRINTING, JobEvent.COMPLETE),
        Arguments.of(JobStatus.PRINTING, JobEvent.FAIL));
  }

  @ParameterizedTest(name = "{1} on a {0} job")
  @MethodSource("everyFinalMove")
  void aFinalMoveSetsTheJobToExpireThirtyDaysAfterItsFinish(JobStatus from, JobEvent event) {
    Job job =
        aJob()
            .status(from)
            .createdAt(NOW.minus(Duration.ofDays(45)))
            .storeIn(sandbox.dynamoDb(), sandbox.table());

    sandbox
        .dynamoDb()
        .updateItem(JobUpdates.apply(job.jobId(), event, NOW).request(sandbox.table()));

    Map<String, AttributeValue> item = item(job.jobId());
    assertThat(ItemMapper.job(item).finishedAt()).isEqualTo(NOW);
    assertThat(item.get(JobTable.EXPIRES_AT).n())
        .as("TTL counted from the finish, not from the creation 45 days ago")
        .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
  }

  @Test
  void aJobPausedLongerThanThirtyDaysHasNoExpiry() {
    Instant created = NOW.minus(Duration.ofDays(40));
    Job job = aJob().createdAt(created).storeIn(sandbox.dynamoDb(), sandbox.table());

    sandbox
        .dynamoDb()
        .updateItem(
            JobUpdates.apply(job.jobId(), JobEvent.PAUSE, created.plusSeconds(5))
                .request(sandbox.table()));

    assertThat(item(job.jobId())).doesNotContainKey(JobTable.EXPIRES_AT);
    assertThat(read(job.jobId()).status()).isEqualTo(JobStatus.PAUSED);
    assertThat(labelItems(job))
        .hasSize(job.total())
        .allSatisfy(
            label ->
                assertThat(label)
                    .containsKey(JobTable.CONTENT)
                    .doesNotContainKey(JobTable.EXPIRES_AT));
  }

  @Test
  void anUnfinishedMoveTakesAwayAnExpirySetAtCreationByEarlierVersions() {
    Job job =
        aJob().status(JobStatus.PAUSED).dispatched(1).storeIn(sandbox.dynamoDb(), sandbox.table());
    sandbox
        .dynamoDb()
        .updateItem(
            ItemUpdate.of(ItemKeys.job(job.jobId()))
                .set(JobTable.EXPIRES_AT, ItemMapper.n(NOW.getEpochSecond()))
                .request(sandbox.table()));

    sandbox
        .dynamoDb()
        .updateItem(JobUpdates.apply(job.jobId(), JobEvent.RESUME, NOW).request(sandbox.table()));

    assertThat(item(job.jobId())).doesNotContainKey(JobTable.EXPIRES_AT);
  }

  @Test
  void aConfirmationClearsOnlyTheLatestClaimedDispatch() {
    Job job = aJob().undispatched(1).storeIn(sandbox.dynamoDb(), sandbox.table());
    sandbox
        .dynamoDb()
        .updateItem(
            JobUpdates.claimDispatch(JobUpdates.apply(job.jobId(), JobEvent.DISPATCH, NOW))
                .request(sandbox.table()));

    assertThatThrownBy(
            () ->
                sandbox
                    .dynamoDb()
                    .updateItem(
                        JobUpdates.confirmDispatch(job.jobId(), 1).request(sandbox.table())))
        .isInstanceOf(ConditionalCheckFailedException.class);
    assertThat(read(job.jobId()).dispatchPending()).isTrue();

    sandbox
        .dynamoDb()
        .updateItem(JobUpdates.confirmDispatch(job.jobId(), 2).request(sandbox.table()));
    Job confirmed = read(job.jobId());
    assertThat(confirmed.dispatchCount()).isEqualTo(2);
    assertThat(confirmed.dispatchPending()).isFalse();
  }

  @Test
  void enqueueingPutsAPausedJobBackAtTheEndOfItsPrintersQueue() {
    Job job =
        aJob().status(JobStatus.PAUSED).dispatched(1).storeIn(sandbox.dynamoDb(), sandbox.table());
    Instant later = NOW.plusSeconds(30);

    Job resumed =
        ItemMapper.job(
            sandbox
                .dynamoDb()
                .updateItem(
                    JobUpdates.enqueue(
                            JobUpdates.apply(job.jobId(), JobEvent.RESUME, later),
                            job.jobId(),
                            later)
                        .request(sandbox.table(), ReturnValue.ALL_NEW))
                .attributes());

    assertThat(resumed.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(resumed.enqueuedAt()).isEqualTo(later);
    assertThat(resumed.dispatchCount()).isEqualTo(2);
    assertThat(resumed.dispatchPending()).isTrue();
  }

  private Map<String, AttributeValue> item(String jobId) {
    return sandbox
        .dynamoDb()
        .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.job(jobId)).consistentRead(true))
        .item();
  }

  private List<Map<String, AttributeValue>> labelItems(Job job) {
    List<Map<String, AttributeValue>> labels = new ArrayList<>();
    for (int index = 1; index <= job.total(); index++) {
      Map<String, AttributeValue> key = ItemKeys.label(job.jobId(), index);
      labels.add(
          sandbox
              .dynamoDb()
              .getItem(b -> b.tableName(sandbox.table()).key(key).consistentRead(true))
              .item());
    }
    return labels;
  }

  private Job read(String jobId) {
    return ItemMapper.job(
        sandbox
            .dynamoDb()
            .getItem(
                b -> b.tableName(sandbox.table()).key(ItemKeys.job(jobId)).consistentRead(true))
            .item());
  }
}
