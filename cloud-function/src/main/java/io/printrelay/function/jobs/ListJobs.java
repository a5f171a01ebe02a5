package io.printrelay.function.jobs;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.ActiveJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.ListPosition;
import io.printrelay.model.Printer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/jobs}: jobs newest first, a page at a time, each request a bounded amount of work
 * however long the history (docs/api.md#list-jobs).
 *
 * <ul>
 *   <li>Queued, printing or paused jobs come from the {@code active} index, which holds only
 *       unfinished jobs: one printer's partition, or every registered printer's. Those in the
 *       status are read, sorted and cut into pages; a request costs one read per job now in that
 *       status on those printers (the live queues, never the history).
 *   <li>Every other list walks the history index ({@code byCreated}, or {@code byPrinter}) from the
 *       page token. Without a status it reads exactly one page. With a finished status it reads at
 *       most {@link #HISTORY_BUDGET} jobs and answers what matched with a token where it stopped: a
 *       page may then hold fewer jobs than the limit, even none, and only a null token ends the
 *       list.
 * </ul>
 */
@Singleton
public class ListJobs {
  /** Jobs read per request at most when the history is filtered by a finished status. */
  static final int HISTORY_BUDGET = 500;

  // Ids per index read and batch read: a BatchGetItem takes at most 100 keys.
  private static final int CHUNK = 100;

  private final Reads reads;
  private final int historyBudget;

  @Inject
  public ListJobs(Reads reads) {
    this(reads, HISTORY_BUDGET);
  }

  ListJobs(Reads reads, int historyBudget) {
    this.reads = reads;
    this.historyBudget = historyBudget;
  }

  public JobList list(
      @Nullable String printerId,
      @Nullable String status,
      @Nullable String limit,
      @Nullable String pageToken) {
    JobListRequest request = JobListRequest.of(printerId, status, limit, pageToken);
    Map<String, List<ActiveJob>> queues = new HashMap<>();
    Page page = request.wantsUnfinished() ? unfinished(request, queues) : history(request);
    List<JobView> views = new ArrayList<>(page.jobs().size());
    for (Job job : page.jobs()) {
      List<ActiveJob> queue =
          job.status() == JobStatus.QUEUED
              ? queues.computeIfAbsent(job.printerId(), reads::activeJobs)
              : List.of();
      views.add(JobView.of(job, QueuePositions.of(job, queue)));
    }
    return new JobList(views, page.next() == null ? null : PageToken.of(page.next()));
  }

  /** The jobs of a page, and the place the next starts after (null: none). */
  private record Page(List<Job> jobs, @Nullable ListPosition next) {}

  private Page unfinished(JobListRequest request, Map<String, List<ActiveJob>> queues) {
    JobStatus wanted = request.status().orElseThrow();
    List<String> printers =
        request.printerId() != null
            ? List.of(request.printerId())
            : reads.printers().stream().map(Printer::printerId).toList();
    for (String printerId : printers) {
      queues.put(printerId, reads.activeJobs(printerId));
    }
    List<String> ids =
        queues.values().stream()
            .flatMap(List::stream)
            .filter(active -> active.status() == wanted)
            .map(ActiveJob::jobId)
            .toList();
    // The index may lag its items: the item's status decides.
    List<Job> jobs =
        reads.jobs(ids).stream()
            .filter(job -> job.status() == wanted)
            .filter(job -> request.after() == null || ListPosition.of(job).isAfter(request.after()))
            .sorted(Comparator.comparing(ListPosition::of))
            .toList();
    if (jobs.size() <= request.limit()) {
      return new Page(jobs, null);
    }
    List<Job> page = jobs.subList(0, request.limit());
    return new Page(page, ListPosition.of(page.getLast()));
  }

  private Page history(JobListRequest request) {
    if (request.status().isEmpty()) {
      // One more than the page tells whether another follows.
      List<ListPosition> places =
          reads.newestJobs(request.printerId(), request.after(), request.limit() + 1);
      List<ListPosition> page = places.subList(0, Math.min(request.limit(), places.size()));
      ListPosition next = places.size() > request.limit() ? page.getLast() : null;
      return new Page(reads.jobs(ids(page)), next);
    }
    JobStatus wanted = request.status().get();
    List<Job> found = new ArrayList<>();
    ListPosition cursor = request.after();
    int read = 0;
    while (read < historyBudget) {
      int ask = Math.min(CHUNK, historyBudget - read);
      List<ListPosition> chunk = reads.newestJobs(request.printerId(), cursor, ask);
      Map<String, Job> jobs =
          reads.jobs(ids(chunk)).stream()
              .collect(Collectors.toMap(Job::jobId, Function.identity()));
      for (ListPosition place : chunk) {
        read++;
        cursor = place;
        Job job = jobs.get(place.jobId());
        if (job != null && job.status() == wanted) {
          found.add(job);
          if (found.size() == request.limit()) {
            return new Page(found, cursor);
          }
        }
      }
      if (chunk.size() < ask) {
        return new Page(found, null);
      }
    }
    return new Page(found, cursor);
  }

  private static List<String> ids(List<ListPosition> places) {
    return places.stream().map(ListPosition::jobId).toList();
  }
}
