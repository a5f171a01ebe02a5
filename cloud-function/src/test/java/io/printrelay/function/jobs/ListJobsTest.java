package io.printrelay.function.jobs;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.reads.LabelState;
import io.printrelay.function.reads.Reads;
import io.printrelay.function.storage.DynamoDbReads;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.ListPosition;
import io.printrelay.model.Printer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How much one page costs, counted on the real reads over DynamoDB Local: a long history of
 * finished jobs, a few unfinished ones, and a listing whose history budget is small enough to see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListJobsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final int BUDGET = 10;
  private static final int HISTORY = 35;

  private final Sandbox sandbox = EmbeddedSandbox.newSandbox();
  private CountingReads reads;
  private ListJobs listJobs;

  @BeforeAll
  void storeAHistory() {
    sandbox.registerPrinter("line-a");
    sandbox.registerPrinter("line-b");
    sandbox.store(aJob().id("failed-oldest").status(JobStatus.FAILED).createdAt(T0).labels(1));
    for (int n = 1; n <= HISTORY; n++) {
      sandbox.store(
          aJob()
              .id(String.format("done-%02d", n))
              .on(n % 2 == 0 ? "line-a" : "line-b")
              .status(JobStatus.COMPLETED)
              .createdAt(T0.plusSeconds(n))
              .labels(1));
    }
    sandbox.store(aJob().id("queued-a").on("line-a").createdAt(T0.plusSeconds(100)).labels(1));
    sandbox.store(aJob().id("queued-b").on("line-b").createdAt(T0.plusSeconds(101)).labels(1));
    sandbox.store(
        aJob()
            .id("paused-a")
            .on("line-a")
            .status(JobStatus.PAUSED)
            .createdAt(T0.plusSeconds(102))
            .labels(1));
  }

  @BeforeEach
  void countFromZero() {
    PrintrelaySettings settings =
        new PrintrelaySettings(sandbox.table(), sandbox.queueNames().prefix(), null, null);
    reads = new CountingReads(new DynamoDbReads(sandbox.dynamoDb(), settings));
    listJobs = new ListJobs(reads, BUDGET);
  }

  @Test
  void aFinishedStatusFilterReadsAtMostTheBudgetPerPageAndGoesOnWhereItStopped() {
    List<Integer> jobsReadPerPage = new ArrayList<>();
    List<String> found = new ArrayList<>();
    String token = null;
    do {
      reads.jobsRead = 0;
      JobList page = listJobs.list(null, "failed", "5", token);
      jobsReadPerPage.add(reads.jobsRead);
      page.jobs().forEach(job -> found.add(job.jobId()));
      token = page.nextPageToken();
    } while (token != null);

    assertThat(found).containsExactly("failed-oldest");
    assertThat(jobsReadPerPage)
        .as("%d jobs of history, %d at most a page", HISTORY + 4, BUDGET)
        .hasSizeGreaterThanOrEqualTo((HISTORY + 4) / BUDGET)
        .allSatisfy(read -> assertThat(read).isLessThanOrEqualTo(BUDGET));
  }

  @Test
  void anUnfinishedStatusIsReadFromTheQueuesWithoutTouchingTheHistory() {
    JobList queued = listJobs.list(null, "queued", null, null);

    assertThat(queued.jobs()).extracting(JobView::jobId).containsExactly("queued-b", "queued-a");
    assertThat(queued.nextPageToken()).isNull();
    assertThat(reads.historyReads).isZero();
    assertThat(reads.jobsRead).as("only the two queued jobs").isEqualTo(2);
  }

  @Test
  void oneUnfinishedPrinterIsOneQueueRead() {
    JobList paused = listJobs.list("line-a", "paused", null, null);

    assertThat(paused.jobs()).extracting(JobView::jobId).containsExactly("paused-a");
    assertThat(reads.queuesRead).isEqualTo(1);
    assertThat(reads.historyReads).isZero();
  }

  @Test
  void withoutAStatusAPageReadsItsOwnJobsOnly() {
    JobList page = listJobs.list(null, null, "4", null);

    assertThat(page.jobs())
        .extracting(JobView::jobId)
        .containsExactly("paused-a", "queued-b", "queued-a", "done-35");
    assertThat(reads.jobsRead).isEqualTo(4);
    assertThat(reads.historyReads).isEqualTo(1);
  }

  /** The real reads, counting what a page asks of the table. */
  private static final class CountingReads implements Reads {
    private final Reads real;
    int jobsRead;
    int historyReads;
    int queuesRead;

    CountingReads(Reads real) {
      this.real = real;
    }

    @Override
    public Optional<Job> job(String jobId) {
      jobsRead++;
      return real.job(jobId);
    }

    @Override
    public List<Job> jobs(List<String> jobIds) {
      jobsRead += jobIds.size();
      return real.jobs(jobIds);
    }

    @Override
    public List<ListPosition> newestJobs(String printerId, ListPosition after, int count) {
      historyReads++;
      return real.newestJobs(printerId, after, count);
    }

    @Override
    public List<LabelState> labels(String jobId) {
      return real.labels(jobId);
    }

    @Override
    public List<ActiveJob> activeJobs(String printerId) {
      queuesRead++;
      return real.activeJobs(printerId);
    }

    @Override
    public List<Printer> printers() {
      return real.printers();
    }

    @Override
    public Optional<Printer> printer(String printerId) {
      return real.printer(printerId);
    }
  }
}
