package io.printrelay.table;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.ListPosition;
import io.printrelay.model.Priority;
import io.printrelay.testing.Jobs;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The read requests and their mapping, on DynamoDB Local. */
class JobQueriesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private final Sandbox sandbox = SharedEmbeddedAws.newSandbox();

  @Test
  void anActiveEntryCarriesTheJobsPlaceInItsQueue() {
    Job queued = store(aJob().on("line-a").priority(Priority.HIGH).createdAt(T0));
    store(aJob().on("line-a").status(JobStatus.COMPLETED));
    store(aJob().on("line-b"));

    List<ActiveJob> active =
        query(JobQueries.active(sandbox.table(), "line-a")).stream()
            .map(JobQueries::activeJob)
            .flatMap(Optional::stream)
            .toList();

    assertThat(active)
        .containsExactly(new ActiveJob(queued.jobId(), JobStatus.QUEUED, queued.queuePlace()));
  }

  @Test
  void newestJobsComeFirstForOnePrinterOrAll() {
    Job older = store(aJob().on("line-a").createdAt(T0));
    Job newer = store(aJob().on("line-a").createdAt(T0.plusSeconds(5)));
    Job other = store(aJob().on("line-b").createdAt(T0.plusSeconds(9)));

    assertThat(ids(JobQueries.newest(sandbox.table(), "line-a", null, 100)))
        .containsExactly(newer.jobId(), older.jobId());
    assertThat(ids(JobQueries.newest(sandbox.table(), null, null, 100)))
        .containsExactly(other.jobId(), newer.jobId(), older.jobId());
  }

  @Test
  void aPageOfNewestJobsStartsAfterAPositionEvenOfAJobNoLongerStored() {
    Job oldest = store(aJob().on("line-a").createdAt(T0));
    Job middle = store(aJob().on("line-a").createdAt(T0.plusSeconds(5)));
    Job newest = store(aJob().on("line-b").createdAt(T0.plusSeconds(9)));
    ListPosition gone = new ListPosition(T0.plusSeconds(7), "deleted-meanwhile");

    List<Map<String, AttributeValue>> firstTwo =
        sandbox.dynamoDb().query(JobQueries.newest(sandbox.table(), null, null, 2)).items();
    assertThat(firstTwo)
        .extracting(JobQueries::listPosition)
        .containsExactly(ListPosition.of(newest), ListPosition.of(middle));
    assertThat(ids(JobQueries.newest(sandbox.table(), null, ListPosition.of(middle), 10)))
        .containsExactly(oldest.jobId());
    assertThat(ids(JobQueries.newest(sandbox.table(), null, gone, 10)))
        .containsExactly(middle.jobId(), oldest.jobId());
    assertThat(ids(JobQueries.newest(sandbox.table(), "line-a", gone, 10)))
        .containsExactly(middle.jobId(), oldest.jobId());
  }

  @Test
  void undispatchedJobsAreThoseStoredBeforeTheCutoffAndNotConfirmed() {
    Job early = store(aJob().createdAt(T0).undispatched(1));
    store(aJob().createdAt(T0.plusSeconds(60)).undispatched(1));
    store(aJob().createdAt(T0).dispatched(1));

    assertThat(ids(JobQueries.undispatched(sandbox.table(), T0.plusSeconds(30))))
        .containsExactly(early.jobId());
  }

  @Test
  void labelStatesComeInOrderWithoutTheirContent() {
    Job job = store(aJob().labels(3).label(2, LabelStatus.PRINTED));

    List<Map<String, AttributeValue>> items =
        query(JobQueries.labelStates(sandbox.table(), job.jobId()));

    assertThat(items).extracting(item -> ItemMapper.label(item).index()).containsExactly(1, 2, 3);
    assertThat(items)
        .extracting(item -> ItemMapper.label(item).status())
        .containsExactly(LabelStatus.PENDING, LabelStatus.PRINTED, LabelStatus.PENDING);
    assertThat(items).allSatisfy(item -> assertThat(ItemMapper.label(item).content()).isNull());
  }

  private Job store(Jobs job) {
    return job.storeIn(sandbox.dynamoDb(), sandbox.table());
  }

  private List<Map<String, AttributeValue>> query(QueryRequest request) {
    return sandbox.dynamoDb().queryPaginator(request).items().stream().toList();
  }

  private List<String> ids(QueryRequest request) {
    return query(request).stream().map(JobQueries::jobId).toList();
  }
}
