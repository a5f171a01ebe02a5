package io.printrelay.agent.journal;

import io.printrelay.agent.progress.DynamoDbProgress;
import io.printrelay.agent.progress.JobProgress;
import io.printrelay.agent.progress.LabelStart;
import io.printrelay.agent.progress.PrinterRegistry;
import io.printrelay.agent.progress.ProgressConflict;
import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.table.ProgressUpdates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@link JobProgress} through the local journal (docs/printing.md#the-local-journal). Once a job's
 * labels are read, the job is journaled: each label's transitions are appended on local disk and
 * the call returns; the table learns them in the background, coalesced, at most one write in flight
 * per job ({@link #sync}). A second background loop per job reads the job and its printer ({@link
 * #watch}), so pause, cancel and printer pauses reach the printing loop at a label boundary without
 * a cloud round trip on the critical path. While the cloud is unreachable, a journaled job prints
 * on; what it did syncs when the cloud answers again. Jobs not journaled (yet) go straight to the
 * table, as a job's start does.
 */
public final class JournaledProgress implements JobProgress, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JournaledProgress.class);

  /** Between two syncs of a job: labels printed meanwhile go together in the next one. */
  static final Duration SYNC_SPACING = Duration.ofMillis(250);

  /**
   * Between two reads of a job's status and its printer's pause (each pair read at once): at most
   * this, and no more than a label takes on its printer (down to {@link #WATCH_SPACING_MIN}), so a
   * pause or cancel reaches the printing loop within about a label whatever the printer's pace.
   */
  static final Duration WATCH_SPACING = Duration.ofMillis(100);

  static final Duration WATCH_SPACING_MIN = Duration.ofMillis(20);

  /**
   * How many labels past the last one started the agent may send before the table hears from it
   * again (docs/printing.md#one-agent-per-printer): what an agent taking the job over flags
   * uncertain. Each sync moves it on, so the printer waits for it only when the cloud is slow.
   */
  static final int RESERVATION = 20;

  /** How long a label waits for its reservation before the cloud counts as out of reach. */
  private static final Duration RESERVATION_WAIT = Duration.ofSeconds(1);

  private static final Duration RETRY_FIRST = Duration.ofMillis(200);
  private static final Duration RETRY_MAX = Duration.ofSeconds(1);

  private final DynamoDbProgress cloud;
  private final PrinterRegistry printers;
  private final Path dir;
  private final CloudLink link;
  private final Clock clock;
  private final Map<String, Journaled> open = new ConcurrentHashMap<>();
  // Jobs this agent just started from queued, with the reservation written with the start: their
  // journal needs no second read of the job, nor a sync before the first label.
  private final Map<String, Started> started = new ConcurrentHashMap<>();

  private record Started(Job job, int reservedThrough) {}

  // The last read of each queued job: what its start reserves from, without reading it again.
  private final Map<String, Job> queuedAsRead = new ConcurrentHashMap<>();
  private static final int QUEUED_KEPT = 1_000;

  private volatile boolean halted;

  public JournaledProgress(
      DynamoDbProgress cloud, PrinterRegistry printers, Path dir, CloudLink link, Clock clock) {
    this.cloud = cloud;
    this.printers = printers;
    this.dir = dir;
    this.link = link;
    this.clock = clock;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the journal directory " + dir, e);
    }
  }

  /**
   * Reads back the journals a stop or crash left, and syncs them. The jobs they hold that had not
   * ended are the first of {@link #interrupted}: they are resumed before anything else.
   */
  public void recover() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".labels")).sorted().toList()) {
        JobJournal journal = JobJournal.load(file);
        JournalState state = journal.state();
        log.atInfo()
            .addKeyValue("event", "journal.found")
            .addKeyValue("printer", state.printerId())
            .addKeyValue("job", state.jobId())
            .addKeyValue("in_flight", state.inFlight())
            .addKeyValue("ended", state.ended() == null ? null : state.ended().wireName())
            .log("journal found: syncing it");
        Journaled journaled = new Journaled(journal);
        open.put(state.jobId(), journaled);
        journaled.startThreads();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the journal directory " + dir, e);
    }
  }

  @Override
  public Optional<Job> job(String jobId) {
    Journaled journaled = open.get(jobId);
    Optional<Job> stored;
    try {
      stored = cloud.job(jobId);
      link.reached();
    } catch (SdkException e) {
      link.lost(e);
      if (journaled == null || journaled.state().ended() != null) {
        throw e;
      }
      return Optional.of(journaled.offline());
    }
    if (journaled == null) {
      stored
          .filter(job -> job.status() == JobStatus.QUEUED)
          .ifPresent(
              job -> {
                if (queuedAsRead.size() >= QUEUED_KEPT) {
                  queuedAsRead.clear(); // only a shortcut: a start without it reads the job
                }
                queuedAsRead.put(jobId, job);
              });
      return stored;
    }
    stored.ifPresent(job -> journaled.seen(job.status()));
    return stored.map(journaled.state()::overlay);
  }

  @Override
  public Job start(String jobId, Instant now) {
    Journaled journaled = open.get(jobId);
    if (journaled != null) {
      Job job = cloud.start(jobId, now);
      journaled.seen(job.status()); // started again after a pause its journal outlived
      return job;
    }
    // From queued, no other agent's reservation can be on the job: a stop or a pause drops it.
    Job queued = queuedAsRead.remove(jobId);
    if (queued == null) {
      queued = cloud.job(jobId).orElseThrow(() -> new ProgressConflict(jobId, "stored"));
    }
    int reservedThrough = queued.printed() + queued.failed() + RESERVATION;
    Job job = cloud.start(jobId, now, reservedThrough);
    started.put(jobId, new Started(job, reservedThrough));
    return job;
  }

  @Override
  public Iterable<Label> labels(String jobId) {
    Journaled journaled = open.get(jobId);
    if (journaled == null) {
      journaled = take(jobId);
    }
    return journaled.journal.labels();
  }

  /** Journals a job the agent is about to print: its labels, as the table has them, to disk. */
  private synchronized Journaled take(String jobId) {
    Journaled journaled = open.get(jobId);
    if (journaled != null) {
      return journaled;
    }
    Started justStarted = started.remove(jobId);
    Job job =
        justStarted != null
            ? justStarted.job()
            : cloud.job(jobId).orElseThrow(() -> new ProgressConflict(jobId, "stored"));
    Integer reserved = justStarted != null ? null : cloud.reservedThrough(jobId);
    journaled = new Journaled(JobJournal.create(dir, job, cloud.labels(jobId)));
    journaled.seen(job.status());
    if (justStarted != null) {
      journaled.state().reservedInTable(justStarted.reservedThrough());
    }
    if (reserved != null) {
      journaled.flagReserved(reserved);
    }
    open.put(jobId, journaled);
    journaled.startThreads();
    return journaled;
  }

  @Override
  public LabelStart startLabel(String printerId, String jobId, int index) {
    Journaled journaled = open.get(jobId);
    if (journaled != null) {
      journaled.awaitReservation(index);
      synchronized (journaled) {
        if (!journaled.closed) {
          return journaled.startLabel(index);
        }
      }
    }
    return cloud.startLabel(printerId, jobId, index);
  }

  @Override
  public void labelPrinted(String jobId, int index, Instant now) {
    Journaled journaled = live(jobId);
    if (journaled == null) {
      cloud.labelPrinted(jobId, index, now);
    } else {
      journaled.journal.printed(index, now);
      journaled.nudge();
    }
  }

  @Override
  public void labelFailed(String jobId, int index, String error) {
    Journaled journaled = live(jobId);
    if (journaled == null) {
      cloud.labelFailed(jobId, index, error);
    } else {
      journaled.journal.failed(index, error);
      journaled.nudge();
    }
  }

  @Override
  public void markUncertain(String jobId, int index) {
    Journaled journaled = live(jobId);
    if (journaled == null) {
      cloud.markUncertain(jobId, index);
    } else {
      journaled.journal.uncertain(index);
      journaled.nudge();
    }
  }

  @Override
  public void complete(String jobId, Instant now) {
    end(jobId, JobStatus.COMPLETED, now, null);
  }

  @Override
  public void fail(String jobId, String error, Instant now) {
    end(jobId, JobStatus.FAILED, now, error);
  }

  /**
   * Journaled, the end is the journal's: the table learns it after the job's last labels, and a job
   * paused or cancelled meanwhile keeps that status (its labels' progress is kept all the same).
   */
  private void end(String jobId, JobStatus status, Instant now, String error) {
    Journaled journaled = live(jobId);
    if (journaled == null) {
      if (status == JobStatus.COMPLETED) {
        cloud.complete(jobId, now);
      } else {
        cloud.fail(jobId, error, now);
      }
      return;
    }
    if (journaled.seen != JobStatus.PRINTING) {
      throw new ProgressConflict(jobId, "printing");
    }
    journaled.journal.ended(status, now, error);
    journaled.nudge();
  }

  @Override
  public List<String> interrupted(String printerId) {
    Set<String> jobs = new LinkedHashSet<>();
    open.values().stream()
        .filter(j -> j.state().printerId().equals(printerId) && j.state().ended() == null)
        .forEach(j -> jobs.add(j.state().jobId()));
    try {
      jobs.addAll(cloud.interrupted(printerId));
      link.reached();
    } catch (SdkClientException e) {
      link.lost(e); // the journal's jobs print on; the table's are found at the next start
    }
    return List.copyOf(jobs);
  }

  /**
   * Another agent took the printer over while this one printed on, cut off from the cloud: every
   * label this one printed after its lease ran out ({@code ranOut}; all it printed, when unknown)
   * may have been printed by the other too, and is flagged uncertain.
   */
  public void flagPrintedSince(String printerId, Instant ranOut) {
    for (Journaled journaled : open.values()) {
      JournalState state = journaled.state();
      if (!state.printerId().equals(printerId) || journaled.closed) {
        continue;
      }
      List<Integer> flagged = new ArrayList<>();
      for (int index = 1; index <= state.total(); index++) {
        Label label = state.label(index);
        if (label != null
            && label.status() == LabelStatus.PRINTED
            && !label.uncertain()
            && (ranOut == null || label.printedAt() == null || label.printedAt().isAfter(ranOut))) {
          journaled.journal.uncertain(index);
          flagged.add(index);
        }
      }
      if (!flagged.isEmpty()) {
        log.atWarn()
            .addKeyValue("event", "labels.flagged")
            .addKeyValue("job", state.jobId())
            .addKeyValue("labels", flagged)
            .log("printed here after the printer's lease ran out: flagged uncertain");
        journaled.nudge();
      }
    }
  }

  /** Labels whose latest change here (started, printed, failed, flagged) the table lacks yet. */
  public int labelsWaitingToSync() {
    return open.values().stream().mapToInt(j -> j.state().labelsWaitingToSync()).sum();
  }

  /** The job's journal as it is now, while the job is journaled here. */
  public Optional<JournalState> journal(String jobId) {
    return Optional.ofNullable(open.get(jobId)).map(Journaled::state);
  }

  /** Waits up to {@code timeout} for every journal to be synced (a graceful stop). */
  public boolean awaitSynced(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!open.values().stream().allMatch(j -> j.state().synced())) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Stops the background loops; the journals stay on disk for the next start. */
  @Override
  public void close() {
    halted = true;
    open.values().forEach(Journaled::stopThreads);
    open.values().forEach(j -> j.journal.close());
  }

  private Journaled live(String jobId) {
    Journaled journaled = open.get(jobId);
    return journaled == null || journaled.closed ? null : journaled;
  }

  /** One journaled job, with its sync and watch loops. */
  private final class Journaled {
    private final JobJournal journal;
    private final Object wake = new Object();
    private volatile boolean nudged;
    private volatile boolean closed;
    private volatile JobStatus seen = JobStatus.PRINTING;
    private volatile boolean printerPaused;
    private long lastStart; // under this object's lock, as startLabel
    private volatile long labelNanos;
    private Thread syncer;
    private Thread watcher;

    Journaled(JobJournal journal) {
      this.journal = journal;
    }

    JournalState state() {
      return journal.state();
    }

    void seen(JobStatus status) {
      seen = status;
    }

    /** Under this object's lock: the label opens only while the job prints, as last read. */
    LabelStart startLabel(int index) {
      if (seen != JobStatus.PRINTING) {
        return LabelStart.JOB_NOT_PRINTING;
      }
      if (printerPaused) {
        return LabelStart.PRINTER_PAUSED;
      }
      Label label = state().label(index);
      if (label == null || label.status() != LabelStatus.PENDING) {
        return LabelStart.LABEL_NOT_PENDING;
      }
      long now = System.nanoTime();
      if (lastStart != 0) {
        // From the longest spacing down: a job's first labels go out back to back (the buffer is
        // empty), which says nothing about the printer's pace.
        long before = labelNanos == 0 ? WATCH_SPACING.toNanos() : labelNanos;
        labelNanos = (before * 3 + now - lastStart) / 4;
      }
      lastStart = now;
      journal.started(index);
      nudge();
      return LabelStart.STARTED;
    }

    /** The time a label takes here (a running average), or the longest spacing before any. */
    private Duration watchSpacing() {
      long perLabel = labelNanos;
      if (perLabel == 0 || perLabel >= WATCH_SPACING.toNanos()) {
        return WATCH_SPACING;
      }
      return Duration.ofNanos(Math.max(perLabel, WATCH_SPACING_MIN.toNanos()));
    }

    /**
     * Taken over without a journal (another agent's, or one lost with its machine): the labels its
     * last agent had reserved may be on paper. They are sent again, flagged uncertain.
     */
    void flagReserved(int reservedThrough) {
      List<Integer> flagged = new ArrayList<>();
      for (int index = 1; index <= reservedThrough; index++) {
        Label label = state().label(index);
        if (label != null && label.status() == LabelStatus.PENDING && !label.uncertain()) {
          journal.uncertain(index);
          flagged.add(index);
        }
      }
      if (!flagged.isEmpty()) {
        log.atWarn()
            .addKeyValue("event", "job.taken_over")
            .addKeyValue("printer", state().printerId())
            .addKeyValue("job", state().jobId())
            .addKeyValue("reserved_through", reservedThrough)
            .addKeyValue("uncertain", flagged.size())
            .log(
                "taken over from an agent that may have printed up to label {}: labels {} are sent"
                    + " again, flagged uncertain",
                reservedThrough,
                flagged);
        nudge();
      }
    }

    /**
     * A label is sent only once the table holds a reservation through it, so that an agent taking
     * over knows what may be on paper; while the cloud is out of reach the job prints on.
     */
    void awaitReservation(int index) {
      long deadline = System.nanoTime() + RESERVATION_WAIT.toNanos();
      while (!state().reserved(index) && link.downSince() == null && !closed) {
        if (System.nanoTime() > deadline) {
          // The table does not answer in time: as good as unreachable. The job prints on; the
          // next sync that gets through brings the link, and the reservations, back.
          link.lost(
              SdkClientException.create(
                  "no reservation for label "
                      + index
                      + " within "
                      + RESERVATION_WAIT.toSeconds()
                      + " s"));
          return;
        }
        state().want(index);
        nudge();
        pause(Duration.ofMillis(5));
      }
    }

    /** The job as far as the journal knows it, while the table cannot be read. */
    Job offline() {
      JournalState state = state();
      Job job =
          Job.accepted(
                  state.jobId(),
                  state.printerId(),
                  Priority.NORMAL,
                  null,
                  state.total(),
                  null,
                  Instant.EPOCH)
              .withDispatch(0, false)
              .withStatus(seen);
      return state.overlay(job);
    }

    void nudge() {
      synchronized (wake) {
        nudged = true;
        wake.notifyAll();
      }
    }

    void startThreads() {
      syncer = Thread.ofVirtual().name("sync-" + state().jobId()).start(this::sync);
      watcher = Thread.ofVirtual().name("watch-" + state().jobId()).start(this::watch);
    }

    void stopThreads() {
      closed = true;
      nudge();
      for (Thread thread : new Thread[] {syncer, watcher}) {
        if (thread != null) {
          thread.interrupt();
        }
      }
    }

    /**
     * Sends the journal's news, newest state each time, until the job ended and the table has it,
     * or the job left printing and nothing is left to tell; then the journal goes.
     */
    private void sync() {
      Duration retry = RETRY_FIRST;
      while (!closed && !halted) {
        JournalState state = state();
        try {
          if (!state.synced()) {
            JournalState.Changes changes = state.changes(RESERVATION);
            cloud.record(
                state.jobId(),
                changes.labels(),
                ProgressUpdates.jobSynced(
                    state.jobId(),
                    changes.printed(),
                    changes.failed(),
                    changes.uncertain(),
                    changes.current(),
                    changes.inFlight(),
                    changes.reservedThrough()));
            state.acknowledged(changes);
            link.reached();
            retry = RETRY_FIRST;
            pause(SYNC_SPACING);
            continue;
          }
          if (state.ended() != null) {
            finish(state);
            return;
          }
          if (seen != JobStatus.PRINTING && closeIfStill()) {
            return;
          }
        } catch (ProgressConflict gone) {
          log.atWarn()
              .addKeyValue("event", "journal.dropped")
              .addKeyValue("job", state.jobId())
              .log("the job is gone from the table; its journal is dropped");
          drop();
          return;
        } catch (SdkException e) {
          link.lost(e);
          pause(retry);
          retry =
              retry.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retry.multipliedBy(2);
          continue;
        } catch (RuntimeException e) {
          log.atError()
              .addKeyValue("event", "journal.sync_failed")
              .addKeyValue("job", state.jobId())
              .setCause(e)
              .log("sync failed; trying again");
          pause(RETRY_MAX);
          continue;
        }
        awaitNudge();
      }
    }

    private void finish(JournalState state) {
      try {
        if (state.ended() == JobStatus.COMPLETED) {
          cloud.complete(state.jobId(), state.endedAt());
        } else {
          cloud.fail(state.jobId(), state.error(), state.endedAt());
        }
      } catch (ProgressConflict stoppedMeanwhile) {
        log.atInfo()
            .addKeyValue("event", "job.end_not_recorded")
            .addKeyValue("job", state.jobId())
            .addKeyValue("ended", state.ended().wireName())
            .log("ended here, but left printing in the table meanwhile; kept as it is");
      }
      link.reached();
      drop();
    }

    /** The job left printing: once no label is in flight, the journal has served its purpose. */
    private boolean closeIfStill() {
      synchronized (this) {
        if (seen == JobStatus.PRINTING || state().inFlight() != null || !state().synced()) {
          return false;
        }
        closed = true;
      }
      JournalState.Changes last = state().changes(0); // it sends no more: the reservation goes
      cloud.record(
          state().jobId(),
          List.of(),
          ProgressUpdates.jobSynced(
              state().jobId(),
              last.printed(),
              last.failed(),
              last.uncertain(),
              last.current(),
              null,
              null));
      drop();
      return true;
    }

    /** Under the progress's lock: a new journal of the same job must not lose its files to this. */
    private void drop() {
      closed = true;
      if (watcher != null) {
        watcher.interrupt();
      }
      synchronized (JournaledProgress.this) {
        open.remove(state().jobId(), this);
        journal.delete();
      }
    }

    /** Reads the job's status and its printer's pause, both at once, over and over. */
    private void watch() {
      var reads = Executors.newVirtualThreadPerTaskExecutor();
      try {
        while (!closed && !halted && state().ended() == null) {
          long started = System.nanoTime();
          try {
            CompletableFuture<Optional<Job>> job =
                CompletableFuture.supplyAsync(() -> cloud.job(state().jobId()), reads);
            boolean paused = printers.paused(state().printerId());
            JobStatus status = job.join().map(Job::status).orElse(JobStatus.CANCELLED);
            synchronized (this) {
              seen = status;
              printerPaused = paused;
            }
            link.reached();
            if (status != JobStatus.PRINTING) {
              nudge(); // the syncer may close the journal
            }
          } catch (SdkException e) {
            link.lost(e);
            pause(RETRY_MAX);
          } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof SdkException sdk) {
              link.lost(sdk);
              pause(RETRY_MAX);
            } else {
              throw e;
            }
          }
          long spent = System.nanoTime() - started;
          pause(watchSpacing().minusNanos(spent));
        }
      } catch (RuntimeException e) {
        if (!closed && !halted) {
          log.atError()
              .addKeyValue("event", "journal.watch_failed")
              .addKeyValue("job", state().jobId())
              .setCause(e)
              .log("watching the job failed");
        }
      } finally {
        reads.shutdownNow();
      }
    }

    private void awaitNudge() {
      synchronized (wake) {
        try {
          if (!nudged) {
            wake.wait(1_000);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          closed = true;
        }
        nudged = false;
      }
    }

    private void pause(Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      try {
        Thread.sleep(duration);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
  }
}
