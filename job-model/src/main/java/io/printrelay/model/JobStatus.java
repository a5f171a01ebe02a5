package io.printrelay.model;

import java.util.Locale;
import java.util.Optional;

/** A job's life; which event may move it where is {@link JobEvent}'s transition table. */
public enum JobStatus {
  QUEUED,
  PRINTING,
  PAUSED,
  COMPLETED,
  FAILED,
  CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<JobStatus> parse(String value) {
    for (JobStatus status : values()) {
      if (status.wireName().equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** Completed, failed and cancelled jobs never change again; a resume makes a new job. */
  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** Queued or paused: not printing, not finished. */
  public boolean isWaiting() {
    return this == QUEUED || this == PAUSED;
  }
}
