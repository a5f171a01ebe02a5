package io.printrelay.function.dispatch;

import io.printrelay.function.logging.LogContext;
import io.printrelay.function.queue.DeadLetter;
import io.printrelay.function.queue.DeadLetterQueues;
import io.printrelay.function.reads.Reads;
import io.printrelay.model.Job;
import io.printrelay.model.JobEvent;
import io.printrelay.queue.JobMessage;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep's pass over the dead-letter queues, so that operators see what is parked there. Each
 * message is judged by the table:
 *
 * <ul>
 *   <li>the message of a job's latest dispatch, the job queued or printing: its job is marked
 *       {@code deadLettered} (shown in the API and the web view, with a redrive action) and the
 *       message stays as the evidence, until a newer dispatch of the job (a redrive, the stale
 *       pass, a resume) makes it an old one;
 *   <li>an old dispatch, or a job paused, finished or gone: nothing waits on it, it is deleted;
 *   <li>not a job message at all: left for an operator, counted in {@code GET /health}.
 * </ul>
 *
 * At most {@value #PER_RUN} messages are read per run.
 */
@Singleton
public class DeadLetterSweep {
  static final int PER_RUN = 100;
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSweep.class);

  private final DeadLetterQueues queues;
  private final Reads reads;
  private final DispatchStore store;

  public DeadLetterSweep(DeadLetterQueues queues, Reads reads, DispatchStore store) {
    this.queues = queues;
    this.reads = reads;
    this.store = store;
  }

  /** Returns how many dead-lettered messages still stand for a job that waits on them. */
  public int sweep() {
    int stranded = 0;
    int deleted = 0;
    List<DeadLetter> kept = new ArrayList<>();
    for (DeadLetter letter : queues.read(PER_RUN)) {
      if (letter.message().isEmpty()) {
        LOG.warn(
            "Dead-letter queue ({}) holds message {}, not a job message",
            letter.tier().wireName(),
            letter.messageId());
        kept.add(letter);
      } else if (strands(letter.message().get())) {
        stranded++;
        kept.add(letter);
      } else {
        letter.delete();
        deleted++;
      }
    }
    // Only now: put back one by one, they would be read again within this run.
    kept.forEach(DeadLetter::putBack);
    if (stranded + deleted > 0) {
      LOG.info(
          "Dead-letter queues: {} job(s) wait on a dead-lettered message, {} old message(s) deleted",
          stranded,
          deleted);
    }
    return stranded;
  }

  /** True when the message is its job's latest and the job waits on it; marks the job. */
  private boolean strands(JobMessage message) {
    return LogContext.forJob(message.jobId(), message.printerId(), () -> strandsJob(message));
  }

  private boolean strandsJob(JobMessage message) {
    Optional<Job> job = reads.job(message.jobId());
    if (job.isEmpty()
        || job.get().dispatchCount() != message.dispatch()
        || !JobEvent.DISPATCH.allowedFrom(job.get().status())) {
      return false;
    }
    return job.get().deadLettered() || store.markDeadLettered(message.jobId(), message.dispatch());
  }
}
