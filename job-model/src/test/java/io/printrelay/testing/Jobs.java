package io.printrelay.testing;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Priority;
import io.printrelay.table.ItemMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds jobs as the agent and the API leave them in the table, for the tests of every module:
 * {@code aJob().on("line-1").labels(3).build()}, or {@code .storeIn(dynamoDb, table)}.
 */
public final class Jobs {
  /** When test jobs are created, unless told otherwise. */
  public static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  private String jobId = UUID.randomUUID().toString();
  private String printerId = "line-1";
  private Priority priority = Priority.NORMAL;
  private JobStatus status = JobStatus.QUEUED;
  private int total = 3;
  private int printed;
  private Integer currentLabel;
  private Integer inFlightLabel;
  private Instant createdAt = T0;
  private Instant startedAt;
  private int dispatchCount = 1;
  private boolean undispatched;
  private boolean deadLettered;
  private String reference = "MO/1";
  private String parentJobId;
  private String resumedAs;
  private final Map<Integer, LabelStatus> labelStates = new TreeMap<>();
  private final Set<Integer> uncertain = new TreeSet<>();

  private Jobs() {}

  public static Jobs aJob() {
    return new Jobs();
  }

  public Jobs id(String id) {
    this.jobId = id;
    return this;
  }

  public Jobs on(String printer) {
    this.printerId = printer;
    return this;
  }

  public Jobs priority(Priority value) {
    this.priority = value;
    return this;
  }

  public Jobs status(JobStatus value) {
    this.status = value;
    return this;
  }

  public Jobs labels(int count) {
    this.total = count;
    return this;
  }

  public Jobs printing(int current, Instant started) {
    this.status = JobStatus.PRINTING;
    this.currentLabel = current;
    this.printed = current - 1;
    this.startedAt = started;
    return this;
  }

  /**
   * Label {@code index} was in flight when the job left printing: the marker a cancel during its
   * write, or a crash, leaves on the job.
   */
  public Jobs inFlight(int index) {
    this.inFlightLabel = index;
    return this;
  }

  public Jobs reference(String value) {
    this.reference = value;
    return this;
  }

  /** Label {@code index} in this state (the others stay pending); counts follow. */
  public Jobs label(int index, LabelStatus state) {
    labelStates.put(index, state);
    return this;
  }

  /** Label {@code index} printed again after a crash: printed, and flagged uncertain. */
  public Jobs uncertainLabel(int index) {
    labelStates.put(index, LabelStatus.PRINTED);
    uncertain.add(index);
    return this;
  }

  /**
   * Label {@code index} flagged uncertain in whatever state {@link #label} gives it (pending unless
   * told): a cut connection left its outcome unknown, and it was not printed again since.
   */
  public Jobs uncertain(int index) {
    uncertain.add(index);
    return this;
  }

  public Jobs createdAt(Instant at) {
    this.createdAt = at;
    return this;
  }

  /** Stored, but its message never confirmed sent, after {@code count} sends. */
  public Jobs undispatched(int count) {
    this.undispatched = true;
    this.dispatchCount = count;
    return this;
  }

  public Jobs dispatched(int count) {
    this.dispatchCount = count;
    this.undispatched = false;
    return this;
  }

  /** Its latest message was found in a dead-letter queue by the dispatch sweep. */
  public Jobs deadLettered() {
    this.deadLettered = true;
    return this;
  }

  public Jobs parent(String jobId) {
    this.parentJobId = jobId;
    return this;
  }

  /** A failed or cancelled job whose resume made the job {@code followUpJobId}. */
  public Jobs resumedAs(String followUpJobId) {
    this.resumedAs = followUpJobId;
    return this;
  }

  public Job build() {
    Instant finished = status.isFinal() ? createdAt.plusSeconds(60) : null;
    int printedCount = labelStates.isEmpty() ? printed : inState(LabelStatus.PRINTED).size();
    return new Job(
        jobId,
        printerId,
        priority,
        status,
        reference,
        total,
        printedCount,
        inState(LabelStatus.FAILED),
        List.copyOf(uncertain),
        currentLabel,
        inFlightLabel,
        parentJobId,
        resumedAs,
        null,
        createdAt,
        createdAt,
        startedAt,
        finished,
        dispatchCount,
        undispatched,
        deadLettered);
  }

  private List<Integer> inState(LabelStatus state) {
    return labelStates.entrySet().stream()
        .filter(e -> e.getValue() == state)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The bytes label {@code index} of a stored job holds. */
  public static String content(int index) {
    return "^XA^FD" + index + "^FS^XZ";
  }

  /** The labels of {@link #build()}'s job as stored: each in its state, with its content. */
  public List<Label> labelsOf(Job job) {
    List<Label> labels = new ArrayList<>();
    for (int index = 1; index <= total; index++) {
      LabelStatus state = labelStates.getOrDefault(index, LabelStatus.PENDING);
      Instant printedAt = state == LabelStatus.PRINTED ? createdAt.plusSeconds(index) : null;
      labels.add(
          new Label(
              job.jobId(),
              index,
              state,
              uncertain.contains(index),
              state == LabelStatus.PENDING ? 0 : 1,
              state == LabelStatus.FAILED ? "timeout" : null,
              printedAt,
              content(index).getBytes(StandardCharsets.UTF_8)));
    }
    return labels;
  }

  /** Writes the job and its labels into the table, as a submit and the agent would leave them. */
  public Job storeIn(DynamoDbClient dynamoDb, String table) {
    Job job = build();
    dynamoDb.putItem(b -> b.tableName(table).item(ItemMapper.jobItem(job)));
    for (Label label : labelsOf(job)) {
      dynamoDb.putItem(b -> b.tableName(table).item(ItemMapper.labelItem(label)));
    }
    return job;
  }
}
