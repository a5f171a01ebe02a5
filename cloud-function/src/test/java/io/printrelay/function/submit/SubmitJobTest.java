package io.printrelay.function.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.dispatch.Dispatcher;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.intake.IdempotencyClaim;
import io.printrelay.function.intake.InMemoryJobStore;
import io.printrelay.function.intake.JobIntake;
import io.printrelay.function.intake.JobStore;
import io.printrelay.function.intake.JobStore.Claimed;
import io.printrelay.function.intake.NewLabel;
import io.printrelay.function.intake.SubmitOutcome;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.queue.DispatchFailed;
import io.printrelay.function.queue.JobQueue;
import io.printrelay.function.security.Capability;
import io.printrelay.function.security.Submitter;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The submit use case on the in-memory store and a queue we can make fail. */
class SubmitJobTest {
  private static final JsonBody BODY = new JsonBody(JsonMapper.createDefault());
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00.000Z");
  private static final SubmitRequest TWO_LABELS =
      json("{\"printerId\":\"line-1\",\"labels\":[{\"zpl\":\"^XA^XZ\"},{\"raw\":\"AQI=\"}]}");

  private static final Submitter ODOO = new Submitter("odoo", null, Set.of(Capability.RAW));

  private final InMemoryJobStore store = new InMemoryJobStore();
  private final RecordingQueue queue = new RecordingQueue();
  private final SubmitJob submitJob = submitJob(store);

  @BeforeEach
  void registerPrinter() {
    store.printers.add("line-1");
  }

  @Test
  void storesLabelsBeforeTheJobThenSendsDispatchOne() {
    SubmitOutcome outcome = submitJob.submit(ODOO, TWO_LABELS, null);

    Job job = outcome.job();
    assertThat(outcome.created()).isTrue();
    assertThat(store.writes).containsExactly("labels", "job", "dispatched 1");
    assertThat(store.labelCount(job.jobId())).isEqualTo(2);
    assertThat(queue.sent).containsExactly(new JobMessage(job.jobId(), "line-1", Priority.HIGH, 1));
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.createdAt()).isEqualTo(NOW);
    assertThat(store.job(job.jobId()).orElseThrow().dispatchPending()).isFalse();
  }

  @Test
  void aFailedSendStillAcceptsTheJobAndLeavesItForTheSweep() {
    queue.failing = true;

    SubmitOutcome outcome = submitJob.submit(ODOO, TWO_LABELS, null);

    assertThat(outcome.created()).isTrue();
    Job stored = store.job(outcome.job().jobId()).orElseThrow();
    assertThat(stored.dispatchPending()).isTrue();
    assertThat(stored.dispatchCount())
        .as("Job.accepted claims dispatch 1, never confirmed")
        .isEqualTo(1);
  }

  @Test
  void theSameIdempotencyKeyReturnsTheFirstJobWithoutWritingAgain() {
    Job first = submitJob.submit(ODOO, TWO_LABELS, "order-7").job();

    SubmitOutcome again = submitJob.submit(ODOO, TWO_LABELS, "order-7");

    assertThat(again.created()).isFalse();
    assertThat(again.job().jobId()).isEqualTo(first.jobId());
    assertThat(store.jobs).hasSize(1);
    assertThat(queue.sent).hasSize(1);
  }

  @Test
  void losingTheRaceForAKeyDeletesTheLabelsJustWrittenAndReturnsTheWinner() {
    Job winner = submitJob.submit(ODOO, TWO_LABELS, "order-8").job();
    JobStore blindToClaims =
        new ForwardingStore(store) {
          private boolean looked;

          // The twin's claim committed after this request first looked; later looks see it.
          @Override
          public Optional<Claimed> claimOf(String scope, String key) {
            boolean first = !looked;
            looked = true;
            return first ? Optional.empty() : super.claimOf(scope, key);
          }
        };

    SubmitOutcome loser = submitJob(blindToClaims).submit(ODOO, TWO_LABELS, "order-8");

    assertThat(loser.created()).isFalse();
    assertThat(loser.job().jobId()).isEqualTo(winner.jobId());
    assertThat(store.labels).hasSize(2);
    assertThat(store.writes).endsWith("labels", "delete labels");
    assertThat(queue.sent).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherRequestIs422AndWritesNothing() {
    Job first = submitJob.submit(ODOO, TWO_LABELS, "order-9").job();
    SubmitRequest other = json("{\"printerId\":\"line-1\",\"labels\":[{\"zpl\":\"^XA^XZ\"}]}");

    InvalidInput refused =
        catchThrowableOfType(InvalidInput.class, () -> submitJob.submit(ODOO, other, "order-9"));

    assertThat(refused.errors().get(0).field()).isEqualTo("Idempotency-Key");
    assertThat(refused.errors().get(0).message()).contains(first.jobId());
    assertThat(store.writes).containsExactly("labels", "job", "dispatched 1");
  }

  @Test
  void losingTheRaceToAnotherRequestIs422AndDeletesTheLabelsJustWritten() {
    submitJob.submit(ODOO, TWO_LABELS, "order-10");
    JobStore blindToClaims =
        new ForwardingStore(store) {
          @Override
          public Optional<Claimed> claimOf(String scope, String key) {
            return Optional.empty();
          }
        };
    SubmitRequest other = json("{\"printerId\":\"line-1\",\"labels\":[{\"zpl\":\"^XA^XZ\"}]}");

    assertThatThrownBy(() -> submitJob(blindToClaims).submit(ODOO, other, "order-10"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("Idempotency-Key");
    assertThat(store.jobs).hasSize(1);
    assertThat(store.labels).hasSize(2);
    assertThat(queue.sent).hasSize(1);
  }

  @Test
  void anInvalidRequestWritesAndSendsNothing() {
    assertThatThrownBy(
            () ->
                submitJob.submit(
                    ODOO,
                    json("{\"printerId\":\"line-2\"," + "\"labels\":[{\"zpl\":\"^XA^XZ\"}]}"),
                    null))
        .isInstanceOf(InvalidInput.class);

    assertThat(store.writes).isEmpty();
    assertThat(queue.sent).isEmpty();
  }

  private SubmitJob submitJob(JobStore jobStore) {
    return new SubmitJob(
        jobStore,
        new JobIntake(jobStore, new Dispatcher(store, queue)),
        BODY,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static SubmitRequest json(String text) {
    try {
      return BODY.bind(
          JsonMapper.createDefault().readValue(text, JsonNode.class), SubmitRequest.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Records messages; when failing, fails like SQS being unreachable. */
  static final class RecordingQueue implements JobQueue {
    final List<JobMessage> sent = new ArrayList<>();
    boolean failing;

    @Override
    public void send(JobMessage message) {
      if (failing) {
        throw new DispatchFailed(message.jobId(), new IllegalStateException("SQS is down"));
      }
      sent.add(message);
    }
  }

  /** Delegates everything, so a test can override one answer. */
  static class ForwardingStore implements JobStore {
    private final JobStore delegate;

    ForwardingStore(JobStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean printerRegistered(String printerId) {
      return delegate.printerRegistered(printerId);
    }

    @Override
    public Optional<Claimed> claimOf(String scope, String key) {
      return delegate.claimOf(scope, key);
    }

    @Override
    public void putLabels(List<NewLabel> labels) {
      delegate.putLabels(labels);
    }

    @Override
    public void deleteLabels(String jobId, int total) {
      delegate.deleteLabels(jobId, total);
    }

    @Override
    public CreateResult create(Job job, Optional<IdempotencyClaim> claim) {
      return delegate.create(job, claim);
    }

    @Override
    public CreateResult createResumption(Job job) {
      return delegate.createResumption(job);
    }

    @Override
    public Optional<Job> job(String jobId) {
      return delegate.job(jobId);
    }
  }
}
