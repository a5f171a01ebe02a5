package io.printrelay.model;

import java.util.Locale;
import java.util.Optional;

/** One label's outcome. A failed label is retried only through a new job (resume or reprint). */
public enum LabelStatus {
  PENDING,
  PRINTED,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<LabelStatus> parse(String value) {
    for (LabelStatus status : values()) {
      if (status.wireName().equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
