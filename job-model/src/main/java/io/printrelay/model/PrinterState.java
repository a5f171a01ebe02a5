package io.printrelay.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What an agent last saw of a printer. "paused" is an operator's choice, kept apart on the printer.
 */
public enum PrinterState {
  READY,
  PRINTING,
  OFFLINE,
  ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PrinterState> parse(String value) {
    for (PrinterState state : values()) {
      if (state.wireName().equals(value)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
