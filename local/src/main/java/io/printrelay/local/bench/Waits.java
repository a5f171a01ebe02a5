package io.printrelay.local.bench;

import java.util.function.BooleanSupplier;

/** Bounded waiting: every wait of the bench ends by a deadline ({@link System#nanoTime()}). */
final class Waits {
  private static final long POLL_MILLIS = 20;

  private Waits() {}

  /** Polls until the condition holds (true) or the deadline passes (false). */
  static boolean until(long deadline, BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      sleepMillis(POLL_MILLIS);
    }
    return true;
  }

  static void sleepUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      sleepMillis(Math.max(1, Math.min(left / 1_000_000, 200)));
    }
  }

  static long deadlineIn(java.time.Duration duration) {
    return System.nanoTime() + duration.toNanos();
  }

  static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bench interrupted", e);
    }
  }
}
