package io.printrelay.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A job's life. The allowed moves are written out in {@link #canMoveTo}; every status write in the
 * table is conditional on the status it moves from, so a lost race surfaces instead of overwriting.
 */
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

  public boolean canMoveTo(JobStatus next) {
    return switch (this) {
      case QUEUED -> next == PRINTING || next == PAUSED || next == CANCELLED || next == FAILED;
      case PRINTING -> next == COMPLETED || next == FAILED || next == PAUSED || next == CANCELLED;
      case PAUSED -> next == QUEUED || next == CANCELLED;
      case COMPLETED, FAILED, CANCELLED -> false;
    };
  }

  /** Returns {@code next}, or throws naming both states when the move is not allowed. */
  public JobStatus moveTo(JobStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalStatusChange(this, next);
    }
    return next;
  }
}
