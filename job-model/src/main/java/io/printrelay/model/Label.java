package io.printrelay.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One label of a job, numbered from 1. Its bytes are stored at submit time, so a resume or reprint
 * never needs Odoo again.
 *
 * @param content exactly what goes on the wire: a whole ZPL format, or raw printer bytes
 * @param uncertain a crash or cut connection left its outcome unknown (for a copy made by resume:
 *     its original's), and it is printed again: the operator may find a duplicate
 */
public record Label(
    String jobId,
    int index,
    LabelStatus status,
    boolean uncertain,
    int attempts,
    String error,
    Instant printedAt,
    byte[] content) {

  public Label {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(status, "status");
    if (index < 1) {
      throw new IllegalArgumentException("labels are numbered from 1, got " + index);
    }
  }

  public static Label pending(String jobId, int index, byte[] content) {
    return new Label(jobId, index, LabelStatus.PENDING, false, 0, null, null, content);
  }

  /** This label flagged uncertain: it may be on paper already, so a duplicate may be found. */
  public Label flaggedUncertain() {
    return new Label(jobId, index, status, true, attempts, error, printedAt, content);
  }
}
