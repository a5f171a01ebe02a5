package io.printrelay.function.testing;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.Priority;
import io.printrelay.table.ItemMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds jobs as the agent and the API leave them in the table: {@code aJob().on("line-1")…}. */
public final class Jobs {
  private String jobId = UUID.randomUUID().toString();
  private String printerId = "line-1";
  private Priority priority = Priority.NORMAL;
  private JobStatus status = JobStatus.QUEUED;
  private int total = 3;
  private int printed;
  private Integer currentLabel;
  private Instant createdAt = Instant.parse("2026-03-01T08:00:00Z");
  private Instant startedAt;
  private int dispatchCount = 1;
  private boolean undispatched;

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

  public Job build() {
    Instant finished = status.isFinal() ? createdAt.plusSeconds(60) : null;
    return new Job(jobId, printerId, priority, status, "MO/1", total, printed, List.of(),
        List.of(), currentLabel, null, null, null, createdAt, createdAt, startedAt, finished,
        dispatchCount, undispatched);
  }

  /** Writes the job and its pending labels into the sandbox's table. */
  public Job storeIn(EmbeddedSandbox.Sandbox sandbox) {
    Job job = build();
    sandbox.dynamoDb().putItem(b -> b.tableName(sandbox.table()).item(ItemMapper.jobItem(job)));
    for (int index = 1; index <= total; index++) {
      Label label = Label.pending(job.jobId(), index, ("^XA^FD" + index + "^FS^XZ").getBytes());
      sandbox.dynamoDb().putItem(b -> b.tableName(sandbox.table())
          .item(ItemMapper.labelItem(label, job.createdAt())));
    }
    return job;
  }
}
