package io.printrelay.function.intake;

import io.printrelay.function.dispatch.DispatchStore;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link JobStore} and {@link DispatchStore} in memory, enforcing the DynamoDB stores' conditions:
 * a job or a claimed key is written once, job and claim together or not at all, a failed or
 * cancelled job is resumed once (with the job it is resumed as, or not at all), a dispatch is
 * claimed only for a job still to print (a stale re-send only for a queued job once a period) and
 * confirmed only while it is the latest, a dead-letter mark holds only for the latest dispatch and
 * goes with the next claim. Records the order of writes so tests can check labels come first.
 */
public class InMemoryJobStore implements JobStore, DispatchStore {
  public final Set<String> printers = new HashSet<>();
  public final Map<String, Job> jobs = new ConcurrentHashMap<>();
  public final Map<String, Label> labels = new ConcurrentHashMap<>();
  public final Map<String, LabelSource> sources = new ConcurrentHashMap<>();
  public final Map<String, IdempotencyClaim> claims = new ConcurrentHashMap<>();
  private final Map<String, String> claimedJobs = new ConcurrentHashMap<>();
  private final Map<String, Instant> resentAt = new ConcurrentHashMap<>();
  public final List<String> writes = new ArrayList<>();

  @Override
  public boolean printerRegistered(String printerId) {
    return printers.contains(printerId);
  }

  @Override
  public Optional<Claimed> claimOf(String scope, String idempotencyKey) {
    String key = scope + "#" + idempotencyKey;
    return Optional.ofNullable(claimedJobs.get(key))
        .flatMap(this::job)
        .map(job -> new Claimed(job, claims.get(key).requestSha256()));
  }

  @Override
  public synchronized void putLabels(List<NewLabel> newLabels) {
    for (NewLabel label : newLabels) {
      labels.put(label.label().jobId() + "#" + label.label().index(), label.label());
      if (label.source() != null) {
        sources.put(label.label().jobId() + "#" + label.label().index(), label.source());
      }
    }
    writes.add("labels");
  }

  @Override
  public synchronized void deleteLabels(String jobId, int total) {
    for (int index = 1; index <= total; index++) {
      labels.remove(jobId + "#" + index);
      sources.remove(jobId + "#" + index);
    }
    writes.add("delete labels");
  }

  @Override
  public synchronized CreateResult create(Job job, Optional<IdempotencyClaim> claim) {
    if (jobs.containsKey(job.jobId())) {
      throw new IllegalStateException("job " + job.jobId() + " exists");
    }
    if (claim.isPresent()) {
      String existing = claimedJobs.get(key(claim.get()));
      if (existing != null) {
        return new Duplicate(existing, claims.get(key(claim.get())).requestSha256());
      }
      claimedJobs.put(key(claim.get()), job.jobId());
      claims.put(key(claim.get()), claim.get());
    }
    jobs.put(job.jobId(), job);
    writes.add("job");
    return new Created();
  }

  @Override
  public synchronized CreateResult createResumption(Job job) {
    if (jobs.containsKey(job.jobId())) {
      throw new IllegalStateException("job " + job.jobId() + " exists");
    }
    Job parent = jobs.get(job.parentJobId());
    if (parent == null || !JobEvent.FOLLOW_UP.allowedFrom(parent.status())) {
      throw new IllegalStateException("job " + job.parentJobId() + " cannot be resumed");
    }
    if (parent.resumedAs() != null) {
      return new Duplicate(parent.resumedAs());
    }
    jobs.put(parent.jobId(), parent.withResumedAs(job.jobId()));
    jobs.put(job.jobId(), job);
    writes.add("job");
    return new Created();
  }

  /** The job as stored now. */
  @Override
  public Optional<Job> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  @Override
  public List<String> undispatchedJobIds(Instant createdBefore) {
    return jobs.values().stream()
        .filter(job -> job.dispatchPending() && job.createdAt().isBefore(createdBefore))
        .map(Job::jobId)
        .toList();
  }

  @Override
  public synchronized Optional<Job> claimUndispatched(String jobId) {
    return job(jobId).filter(Job::dispatchPending).flatMap(this::claim);
  }

  @Override
  public synchronized Optional<Job> claimRedispatch(String jobId) {
    return job(jobId).flatMap(this::claim);
  }

  @Override
  public synchronized Optional<Job> claimStale(String jobId, Instant now, Instant cutoff) {
    Instant resent = resentAt.get(jobId);
    Optional<Job> claimed =
        job(jobId)
            .filter(job -> job.status() == JobStatus.QUEUED)
            .filter(job -> job.queuePlace().enqueuedAt().isBefore(cutoff))
            .filter(job -> resent == null || resent.isBefore(cutoff))
            .flatMap(this::claim);
    claimed.ifPresent(job -> resentAt.put(jobId, now));
    return claimed;
  }

  @Override
  public synchronized boolean markDeadLettered(String jobId, int dispatch) {
    Optional<Job> marked =
        job(jobId)
            .filter(job -> JobEvent.DISPATCH.allowedFrom(job.status()))
            .filter(job -> job.dispatchCount() == dispatch)
            .map(job -> job.withDeadLettered(true));
    marked.ifPresent(job -> jobs.put(jobId, job));
    return marked.isPresent();
  }

  @Override
  public synchronized void confirmDispatched(String jobId, int dispatch) {
    Job job = jobs.get(jobId);
    if (job == null || !job.dispatchPending() || job.dispatchCount() != dispatch) {
      return;
    }
    jobs.put(jobId, job.withDispatch(dispatch, false));
    writes.add("dispatched " + dispatch);
  }

  @Override
  public synchronized void clearUndispatched(String jobId) {
    job(jobId).ifPresent(job -> jobs.put(jobId, job.withDispatch(job.dispatchCount(), false)));
  }

  // As the table's conditional claim: only a job still to print gets a next dispatch.
  private Optional<Job> claim(Job job) {
    if (!JobEvent.DISPATCH.allowedFrom(job.status())) {
      return Optional.empty();
    }
    Job claimed = job.withDispatch(job.dispatchCount() + 1, true).withDeadLettered(false);
    jobs.put(job.jobId(), claimed);
    return Optional.of(claimed);
  }

  public int labelCount(String jobId) {
    return (int) labels.keySet().stream().filter(k -> k.startsWith(jobId + "#")).count();
  }

  private static String key(IdempotencyClaim claim) {
    return claim.scope() + "#" + claim.key();
  }
}
