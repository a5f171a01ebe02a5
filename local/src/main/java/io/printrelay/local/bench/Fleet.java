package io.printrelay.local.bench;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * When many printers printed, from their paper: the first and last label out, and the window in
 * which every printer was printing (from the last printer's first label to the first printer's last
 * label) with the labels that came out in it.
 */
record Fleet(
    int labels,
    long firstLabel,
    long lastLabel,
    OptionalLong allPrintingNanos,
    long labelsWhileAllPrinting) {

  /**
   * @param printers when each printer's labels came out, each in order
   */
  static Fleet of(List<long[]> printers) {
    int labels = printers.stream().mapToInt(times -> times.length).sum();
    long firstLabel =
        printers.stream().filter(t -> t.length > 0).mapToLong(t -> t[0]).min().orElse(0);
    long lastLabel =
        printers.stream().filter(t -> t.length > 0).mapToLong(t -> t[t.length - 1]).max().orElse(0);
    boolean allStarted = printers.stream().allMatch(t -> t.length > 0);
    long from = printers.stream().filter(t -> t.length > 0).mapToLong(t -> t[0]).max().orElse(0);
    long to =
        printers.stream().filter(t -> t.length > 0).mapToLong(t -> t[t.length - 1]).min().orElse(0);
    if (!allStarted || to <= from) {
      return new Fleet(labels, firstLabel, lastLabel, OptionalLong.empty(), 0);
    }
    long during =
        printers.stream()
            .mapToLong(times -> Arrays.stream(times).filter(t -> t >= from && t <= to).count())
            .sum();
    return new Fleet(labels, firstLabel, lastLabel, OptionalLong.of(to - from), during);
  }

  /** The most labels that came out of all printers together within any {@code window}. */
  static int busiest(List<long[]> printers, long window) {
    long[] all = printers.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    int most = 0;
    for (int first = 0, last = 0; last < all.length; last++) {
      while (all[last] - all[first] >= window) {
        first++;
      }
      most = Math.max(most, last - first + 1);
    }
    return most;
  }
}
