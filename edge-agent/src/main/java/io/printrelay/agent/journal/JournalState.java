package io.printrelay.agent.journal;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job's journal says now: every label's state, the label in flight, whether the job ended
 * here; and which of it the table has not been told yet. Every change bumps a version; a sync sends
 * what changed after the version the table last acknowledged.
 */
public final class JournalState {
  private final String jobId;
  private final String printerId;
  private final int total;
  private final List<Label> labels; // by position, content left out
  private final Map<Integer, Integer> positions = new HashMap<>();
  private final Map<Integer, Long> changedAt = new LinkedHashMap<>(); // label index -> version
  private long version;
  private long synced;
  private int highestStarted;
  private int reservedAcked; // the table holds a reservation through this label
  private int wanted; // a label waiting for the reservation to reach it
  private Integer current;
  private Integer inFlight;
  private JobStatus ended;
  private Instant endedAt;
  private String error;

  JournalState(String jobId, String printerId, int total, List<Label> labels) {
    this.jobId = jobId;
    this.printerId = printerId;
    this.total = total;
    this.labels = new ArrayList<>(labels);
    for (int i = 0; i < labels.size(); i++) {
      positions.put(labels.get(i).index(), i);
    }
  }

  public String jobId() {
    return jobId;
  }

  public String printerId() {
    return printerId;
  }

  public int total() {
    return total;
  }

  synchronized void started(int index) {
    Label label = existing(index);
    set(
        new Label(
            jobId,
            index,
            label.status(),
            label.uncertain(),
            label.attempts() + 1,
            label.error(),
            label.printedAt(),
            null));
    current = index;
    inFlight = index;
    highestStarted = Math.max(highestStarted, index);
  }

  synchronized void printed(int index, Instant at) {
    Label label = existing(index);
    set(
        new Label(
            jobId,
            index,
            LabelStatus.PRINTED,
            label.uncertain(),
            label.attempts(),
            null,
            at,
            null));
    clearInFlight(index);
  }

  synchronized void failed(int index, String message) {
    Label label = existing(index);
    set(
        new Label(
            jobId,
            index,
            LabelStatus.FAILED,
            label.uncertain(),
            label.attempts(),
            message,
            null,
            null));
    clearInFlight(index);
  }

  synchronized void uncertain(int index) {
    set(existing(index).flaggedUncertain());
    clearInFlight(index);
  }

  synchronized void ended(JobStatus status, Instant at, String message) {
    ended = status;
    endedAt = at;
    error = message;
    current = null;
    inFlight = null;
    version++;
  }

  /** The label at this position of the journal with its state now and the given content. */
  synchronized Label current(int position, byte[] content) {
    Label label = labels.get(position);
    return new Label(
        jobId,
        label.index(),
        label.status(),
        label.uncertain(),
        label.attempts(),
        label.error(),
        label.printedAt(),
        content);
  }

  /** The state of one label (without content), or null for an index the job does not have. */
  public synchronized Label label(int index) {
    Integer position = positions.get(index);
    return position == null ? null : labels.get(position);
  }

  public synchronized Integer inFlight() {
    return inFlight;
  }

  /** completed or failed when the job ended here, else null. */
  public synchronized JobStatus ended() {
    return ended;
  }

  public synchronized Instant endedAt() {
    return endedAt;
  }

  public synchronized String error() {
    return error;
  }

  /**
   * The job as the table has it, its progress as the journal has it (which is never behind): a job
   * that ended here is finished, though the table may not know it yet, so a late message for it
   * prints nothing.
   */
  public synchronized Job overlay(Job stored) {
    Job job = ended == null || stored.status().isFinal() ? stored : stored.withStatus(ended);
    return job.withProgress(
        count(LabelStatus.PRINTED),
        indexes(LabelStatus.FAILED),
        uncertainIndexes(),
        current,
        inFlight);
  }

  /** Whether the table has been told everything (but the end, which is sent on its own). */
  public synchronized boolean synced() {
    return synced == version;
  }

  /** How many labels changed since the table last acknowledged a sync. */
  public synchronized int labelsWaitingToSync() {
    return (int) changedAt.values().stream().filter(at -> at > synced).count();
  }

  /** The label last started, until the job ends; else null. */
  public synchronized Integer current() {
    return current;
  }

  /** The table holds a reservation through this label already (written with the job's start). */
  synchronized void reservedInTable(int reservedThrough) {
    reservedAcked = Math.max(reservedAcked, reservedThrough);
  }

  /** Whether the table's reservation covers the label. */
  public synchronized boolean reserved(int index) {
    return index <= reservedAcked;
  }

  /** The label needs a reservation the table does not hold yet: the next sync writes one. */
  public synchronized void want(int index) {
    if (index > reservedAcked && index > wanted) {
      wanted = index;
      version++;
    }
  }

  /**
   * What to tell the table now: the labels changed since the last acknowledged sync, and counts.
   *
   * @param reserve how many labels past the highest started (or wanted) the agent may send before
   *     the table hears from it again; 0 to drop the reservation (it sends no more)
   */
  public synchronized Changes changes(int reserve) {
    List<Label> changed = new ArrayList<>();
    changedAt.forEach(
        (index, at) -> {
          if (at > synced) {
            changed.add(label(index));
          }
        });
    return new Changes(
        version,
        changed,
        count(LabelStatus.PRINTED),
        indexes(LabelStatus.FAILED),
        uncertainIndexes(),
        current,
        inFlight,
        reserve == 0 || ended != null ? null : Math.max(highestStarted, wanted) + reserve);
  }

  /** The table has everything {@code changes} held. */
  public synchronized void acknowledged(Changes changes) {
    synced = Math.max(synced, changes.version());
    changedAt.values().removeIf(at -> at <= synced);
    reservedAcked = changes.reservedThrough() == null ? 0 : changes.reservedThrough();
  }

  /** The journal's news for the table, as of {@code version}. */
  public record Changes(
      long version,
      List<Label> labels,
      int printed,
      List<Integer> failed,
      List<Integer> uncertain,
      Integer current,
      Integer inFlight,
      Integer reservedThrough) {}

  private Label existing(int index) {
    Label label = label(index);
    if (label == null) {
      throw new IllegalArgumentException("job " + jobId + " has no label " + index);
    }
    return label;
  }

  private void set(Label label) {
    existing(label.index());
    labels.set(positions.get(label.index()), label);
    version++;
    changedAt.put(label.index(), version);
  }

  private void clearInFlight(int index) {
    if (Integer.valueOf(index).equals(inFlight)) {
      inFlight = null;
    }
  }

  private int count(LabelStatus status) {
    return (int) labels.stream().filter(l -> l.status() == status).count();
  }

  private List<Integer> indexes(LabelStatus status) {
    return labels.stream().filter(l -> l.status() == status).map(Label::index).toList();
  }

  private List<Integer> uncertainIndexes() {
    return labels.stream().filter(Label::uncertain).map(Label::index).toList();
  }
}
