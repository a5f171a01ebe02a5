package io.printrelay.local.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Compares what the API says was printed with what the printer has, about every 100 ms, on a
 * thread of its own. The printer's count is read just before each request and just after its
 * answer, so "behind" is a lower bound (paper before − API) and "ahead" is certain (API > paper
 * after).
 */
final class LagWatch implements AutoCloseable {
  private static final Duration EVERY = Duration.ofMillis(100);

  /** One look: times are {@link System#nanoTime()}. */
  record Sample(long sentAt, long answeredAt, int paperBefore, int paperAfter, int apiPrinted,
      String status) {
    int behind() {
      return Math.max(0, paperBefore - apiPrinted);
    }

    int ahead() {
      return Math.max(0, apiPrinted - paperAfter);
    }
  }

  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  private LagWatch(BenchApi api, String jobId, Paper paper) {
    thread = Thread.ofPlatform().daemon().name("bench-lag-watch")
        .start(() -> watch(api, jobId, paper));
  }

  static LagWatch start(BenchApi api, String jobId, Paper paper) {
    return new LagWatch(api, jobId, paper);
  }

  private void watch(BenchApi api, String jobId, Paper paper) {
    while (running) {
      long sent = System.nanoTime();
      int before = paper.count();
      try {
        BenchApi.Progress progress = api.progress(jobId);
        samples.add(new Sample(sent, System.nanoTime(), before, paper.count(), progress.printed(),
            progress.status()));
      } catch (RuntimeException e) {
        // the API is not what is measured here; the next look will do
      }
      long spent = (System.nanoTime() - sent) / 1_000_000;
      if (running) {
        Waits.sleepMillis(Math.max(1, EVERY.toMillis() - spent));
      }
    }
  }

  boolean finished() {
    return !samples.isEmpty() && List.of("completed", "failed", "cancelled")
        .contains(samples.getLast().status());
  }

  int maxBehind() {
    return samples.stream().mapToInt(Sample::behind).max().orElse(0);
  }

  int maxAhead() {
    return samples.stream().mapToInt(Sample::ahead).max().orElse(0);
  }

  int count() {
    return samples.size();
  }

  /** The first look sent after {@code since} whose answer showed at least the paper's count. */
  Optional<Sample> caughtUpAfter(long since) {
    return samples.stream().filter(s -> s.sentAt() >= since && s.behind() == 0).findFirst();
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(Duration.ofSeconds(25));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
