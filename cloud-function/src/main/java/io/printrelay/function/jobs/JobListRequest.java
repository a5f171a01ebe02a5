package io.printrelay.function.jobs;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.model.JobStatus;
import io.printrelay.model.ListPosition;
import io.printrelay.model.PrinterId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The query of {@code GET /v1/jobs}, checked: a bad page token is a 400 (it was not ours), bad
 * values are one 422 listing each.
 *
 * @param after the place the page starts after; null for the first page
 */
record JobListRequest(
    @Nullable String printerId,
    Optional<JobStatus> status,
    int limit,
    @Nullable ListPosition after) {
  static final int DEFAULT_LIMIT = 50;

  /** Larger asks are refused (422), not cut: a caller learns the cap rather than guess it. */
  static final int MAX_LIMIT = 200;

  static JobListRequest of(
      @Nullable String printerId,
      @Nullable String status,
      @Nullable String limit,
      @Nullable String pageToken) {
    ListPosition after = pageToken == null ? null : PageToken.parse(pageToken);
    List<FieldError> errors = new ArrayList<>();
    if (printerId != null && !PrinterId.isValid(printerId)) {
      errors.add(new FieldError("printerId", "must be " + PrinterId.RULE));
    }
    Optional<JobStatus> wanted = status == null ? Optional.empty() : JobStatus.parse(status);
    if (status != null && wanted.isEmpty()) {
      errors.add(
          new FieldError(
              "status", "must be one of queued, printing, paused, completed, failed, cancelled"));
    }
    int max = limit(limit, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new JobListRequest(printerId, wanted, max, after);
  }

  /** Queued, printing or paused: the jobs the {@code active} index holds. */
  boolean wantsUnfinished() {
    return status.isPresent() && !status.get().isFinal();
  }

  private static int limit(@Nullable String limit, List<FieldError> errors) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException notNumber) {
      // reported below
    }
    errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    return DEFAULT_LIMIT;
  }
}
