package io.printrelay.function.metrics;

import java.util.List;

/**
 * What one sweep run counted.
 *
 * @param offlinePrinters the printers that show {@code offline} (their agent silent, or the agent
 *     cannot reach them), by id; paused printers never count, an operator holds them on purpose
 * @param queued jobs waiting for their printer
 * @param printing jobs on a printer now
 * @param paused jobs an operator paused
 * @param labelsPrinted labels printed since the last run (a count to sum, where the others are
 *     levels)
 */
public record SweepFigures(
    List<String> offlinePrinters, int queued, int printing, int paused, int labelsPrinted) {
  public SweepFigures {
    offlinePrinters = List.copyOf(offlinePrinters);
  }
}
