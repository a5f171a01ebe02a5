package io.printrelay.function.webhooks;

import io.micronaut.json.JsonMapper;
import io.printrelay.function.dispatch.SweepPass;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch sweep's pass that tells Odoo how the jobs of an event fare: for a profile with a
 * status URL, it posts {@code {"_model", "_id", "jobId", "status", "printed", "total", "failed",
 * "url"}} once a job is printing, and once it is completed, failed or cancelled, each until Odoo
 * answers 2xx. It looks at each run of the sweep (every minute in AWS, 10 s locally), so a job that
 * starts and ends between two looks is reported only as ended. A report Odoo refuses is tried again
 * after 1, 2, 4 ... minutes, {@value #MAX_ATTEMPTS} times, then given up (logged).
 */
@Singleton
public class StatusBack implements SweepPass {
  static final int MAX_ATTEMPTS = 8;
  private static final Logger LOG = LoggerFactory.getLogger(StatusBack.class);
  private static final Set<JobStatus> REPORTED =
      Set.of(JobStatus.PRINTING, JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETRY_MOST = Duration.ofMinutes(30);

  private final ProfileStore store;
  private final Reads reads;
  private final JsonMapper json;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final OutboundAddresses outbound;

  public StatusBack(
      ProfileStore store, Reads reads, JsonMapper json, Clock clock, OutboundAddresses outbound) {
    this.outbound = outbound;
    this.store = store;
    this.reads = reads;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "status reports to Odoo";
  }

  /** Returns how many reports Odoo acknowledged. */
  @Override
  public int run() {
    Instant now = clock.instant();
    int sent = 0;
    for (StatusWatch watch : store.watches()) {
      if (!watch.dueAt().isAfter(now)) {
        sent += report(watch, now);
      }
    }
    return sent;
  }

  private int report(StatusWatch watch, Instant now) {
    Map<String, Job> jobs =
        reads.jobs(watch.jobIds()).stream()
            .collect(Collectors.toMap(Job::jobId, Function.identity(), (a, b) -> a));
    Map<String, String> reported = new HashMap<>(watch.reported());
    int sent = 0;
    int attempts = 0;
    for (String jobId : watch.jobIds()) {
      Job job = jobs.get(jobId);
      if (job == null) {
        // Expired long after it ended: nothing more to tell.
        reported.put(jobId, "gone");
        continue;
      }
      if (!REPORTED.contains(job.status()) || job.status().wireName().equals(reported.get(jobId))) {
        continue;
      }
      String refused = post(watch, job);
      if (refused == null) {
        reported.put(jobId, job.status().wireName());
        sent++;
        continue;
      }
      attempts = watch.attempts() + 1;
      if (attempts >= MAX_ATTEMPTS) {
        LOG.warn(
            "Odoo refused the status {} of job {} {} times ({}); not reported",
            job.status().wireName(),
            jobId,
            attempts,
            refused);
        reported.put(jobId, job.status().wireName());
        attempts = 0;
      }
      break;
    }
    boolean done =
        watch.jobIds().stream()
            .allMatch(
                id ->
                    jobs.get(id) == null
                        || jobs.get(id).status().isFinal()
                            && jobs.get(id).status().wireName().equals(reported.get(id)));
    if (done) {
      store.unwatch(watch);
    } else {
      Duration wait =
          attempts == 0 ? Duration.ZERO : Duration.ofMinutes(1L << Math.min(attempts - 1, 5));
      store.watched(
          watch, reported, now.plus(wait.compareTo(RETRY_MOST) > 0 ? RETRY_MOST : wait), attempts);
    }
    return sent;
  }

  /** Null when Odoo answered 2xx, else why not. */
  private String post(StatusWatch watch, Job job) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("_model", watch.model());
    report.put("_id", watch.recordId());
    report.put("jobId", job.jobId());
    report.put("status", job.status().wireName());
    report.put("printed", job.printed());
    report.put("total", job.total());
    report.put("failed", job.failed());
    report.put("url", (watch.baseUrl() == null ? "" : watch.baseUrl()) + "/v1/jobs/" + job.jobId());
    try {
      URI url = URI.create(watch.statusUrl());
      Optional<String> refusal = outbound.refusal(url);
      if (refusal.isPresent()) {
        return "statusUrl: " + refusal.get();
      }
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(report)))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
    } catch (IOException | IllegalArgumentException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
