package io.printrelay.local.awsproxy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link Traffic}; updated from the proxy's event loop, read from anywhere. */
final class TrafficCounter {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final DoubleAdder writeUnits = new DoubleAdder();
  private final LongAdder unanswered = new LongAdder();

  void request(String operation) {
    requests.computeIfAbsent(operation, o -> new LongAdder()).increment();
  }

  void writeUnits(double units) {
    writeUnits.add(units);
  }

  void unanswered() {
    unanswered.increment();
  }

  Traffic snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach(
        (operation, count) -> {
          long n = count.sum();
          if (n > 0) {
            counts.put(operation, n);
          }
        });
    return new Traffic(counts, writeUnits.sum(), unanswered.sum());
  }

  void reset() {
    requests.clear();
    writeUnits.reset();
    unanswered.reset();
  }
}
