package io.printrelay.function.submit;

import io.printrelay.model.Job;
import io.printrelay.model.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link JobStore} in memory, enforcing the DynamoDB store's conditions: a job or a claimed key is
 * written once, job and claim together or not at all, dispatch marks only move forward. Records
 * the order of writes so tests can check labels come first.
 */
public class InMemoryJobStore implements JobStore {
  final Set<String> printers = new HashSet<>();
  final Map<String, Job> jobs = new ConcurrentHashMap<>();
  final Map<String, Label> labels = new ConcurrentHashMap<>();
  final Map<String, LabelSource> sources = new ConcurrentHashMap<>();
  final Map<String, String> claims = new ConcurrentHashMap<>();
  final List<String> writes = new ArrayList<>();

  @Override
  public boolean printerRegistered(String printerId) {
    return printers.contains(printerId);
  }

  @Override
  public Optional<Job> jobFor(String scope, String idempotencyKey) {
    return Optional.ofNullable(claims.get(scope + "#" + idempotencyKey)).flatMap(this::job);
  }

  @Override
  public synchronized void putLabels(List<NewLabel> newLabels, Instant jobCreatedAt) {
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
      String existing = claims.get(key(claim.get()));
      if (existing != null) {
        return new Duplicate(existing);
      }
      claims.put(key(claim.get()), job.jobId());
    }
    jobs.put(job.jobId(), job);
    writes.add("job");
    return new Created();
  }

  @Override
  public Optional<Job> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  @Override
  public synchronized void markDispatched(String jobId, int dispatch) {
    Job job = jobs.get(jobId);
    if (job == null || !job.dispatchPending() || job.dispatchCount() != dispatch) {
      return;
    }
    jobs.put(jobId, new Job(job.jobId(), job.printerId(), job.priority(), job.status(),
        job.reference(), job.total(), job.printed(), job.failedLabels(), job.uncertainLabels(),
        job.currentLabel(), job.inFlightLabel(), job.parentJobId(), job.error(), job.createdAt(),
        job.enqueuedAt(), job.startedAt(), job.finishedAt(), dispatch, false));
    writes.add("dispatched " + dispatch);
  }

  int labelCount(String jobId) {
    return (int) labels.keySet().stream().filter(k -> k.startsWith(jobId + "#")).count();
  }

  private static String key(IdempotencyClaim claim) {
    return claim.scope() + "#" + claim.key();
  }
}
