package io.printrelay.function.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.printrelay.function.logging.LoggedJob;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.model.JobStatus;
import java.time.Instant;
import java.util.List;

/**
 * A job as docs/api.md#job shows it. Absent values are JSON null, never omitted; instants are
 * ISO-8601 UTC ending in Z.
 *
 * @param currentLabel the label being printed, only while printing
 * @param queuePosition see {@link QueuePositions}
 * @param resumedAs the job a resume of this failed or cancelled job made; it is resumed only once
 * @param deadLettered the message of its latest dispatch sits in a dead-letter queue while it is
 *     queued or printing: it prints only once sent again (redrive, or the dispatch sweep)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobView(
    String jobId,
    String printerId,
    String priority,
    String status,
    @Nullable String reference,
    int total,
    int printed,
    int failed,
    int uncertain,
    @Nullable Integer currentLabel,
    @Nullable Integer queuePosition,
    List<Integer> failedLabels,
    List<Integer> uncertainLabels,
    @Nullable String parentJobId,
    @Nullable String resumedAs,
    @Nullable String error,
    String createdAt,
    @Nullable String startedAt,
    @Nullable String finishedAt,
    boolean deadLettered)
    implements LoggedJob {

  public static JobView of(Job job, @Nullable Integer queuePosition) {
    return new JobView(
        job.jobId(),
        job.printerId(),
        job.priority().wireName(),
        job.status().wireName(),
        job.reference(),
        job.total(),
        job.printed(),
        job.failed(),
        job.uncertain(),
        job.status() == JobStatus.PRINTING ? job.currentLabel() : null,
        queuePosition,
        job.failedLabels(),
        job.uncertainLabels(),
        job.parentJobId(),
        job.resumedAs(),
        job.error(),
        iso(job.createdAt()),
        iso(job.startedAt()),
        iso(job.finishedAt()),
        job.deadLettered() && JobEvent.DISPATCH.allowedFrom(job.status()));
  }

  static String iso(Instant at) {
    return at == null ? null : at.toString();
  }
}
