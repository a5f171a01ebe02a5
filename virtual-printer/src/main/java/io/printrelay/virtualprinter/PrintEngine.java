package io.printrelay.virtualprinter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print head: takes one format at a time from the receive buffer and "prints" it in {@code
 * perLabel}. A format counts as printed only once its print time has elapsed, so {@link #printed()}
 * lags what was sent, as on a Zebra where "accepted" is not "on paper".
 *
 * <p>Paper out stops the head at once: a label being printed when the paper runs out was never
 * finished, so it goes back to the front of the receive buffer and is printed whole once paper is
 * loaded again. Pause, like a Zebra's PAUSE key, lets the current label finish.
 */
final class PrintEngine {

  private static final Logger log = LoggerFactory.getLogger(PrintEngine.class);

  private final ReceiveBuffer buffer;
  private final Duration perLabel;
  private final VirtualPrinter.LabelListener listener;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition printedChanged = lock.newCondition();
  private final Condition headCleared = lock.newCondition();
  private final LabelHistory printed;
  private byte[] onHead; // the format being printed; taken back by paper out
  private boolean paperOut;
  private boolean paused;
  private volatile boolean printing;
  private Thread thread;

  PrintEngine(
      ReceiveBuffer buffer,
      Duration perLabel,
      LabelHistory printed,
      VirtualPrinter.LabelListener listener) {
    if (perLabel.isNegative()) {
      throw new IllegalArgumentException("perLabel must not be negative");
    }
    this.buffer = buffer;
    this.perLabel = perLabel;
    this.printed = printed;
    this.listener = listener;
  }

  void start(String name) {
    thread = Thread.ofVirtual().name("virtual-printer-" + name + "-head").start(this::run);
  }

  /** Interrupts the head; a label being printed is abandoned (power off mid-label). */
  void stop() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(2));
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  private void run() {
    try {
      while (true) {
        byte[] format = buffer.take();
        String text = new String(format, StandardCharsets.UTF_8);
        int number = print(format, text);
        if (number > 0) {
          notifyListener(number, text);
        }
      }
    } catch (InterruptedException e) {
      // close(): nothing to clean up, the thread just ends
    }
  }

  /**
   * Spends {@code perLabel} on the format and returns its number, or 0 when the paper ran out first
   * (setPaperOut then took it off the head). Both sides decide under one lock, so no label counts
   * as printed once paper out is set.
   */
  private int print(byte[] format, String text) throws InterruptedException {
    lock.lock();
    try {
      if (paperOut) { // ran out between take() and here
        buffer.putBack(format);
        return 0;
      }
      onHead = format;
      printing = true;
      long nanos = perLabel.toNanos();
      while (onHead == format && nanos > 0) {
        nanos = headCleared.awaitNanos(nanos);
      }
      if (onHead != format) {
        return 0;
      }
      int number = printed.add(text);
      printedChanged.signalAll();
      return number;
    } finally {
      onHead = null;
      printing = false;
      lock.unlock();
    }
  }

  private void notifyListener(int number, String text) {
    if (listener == null) {
      return;
    }
    try {
      listener.onPrinted(number, text);
    } catch (RuntimeException e) {
      // A faulty observer must not stop the printer.
      log.warn("label listener failed for label #{}", number, e);
    }
  }

  void setPaperOut(boolean paperOut) {
    lock.lock();
    try {
      this.paperOut = paperOut;
      buffer.setHeld(this.paperOut || this.paused);
      if (paperOut && onHead != null) {
        // The label on the head was never finished: back to the front of the buffer, so
        // ~HS counts it as waiting and it is printed whole once paper is loaded.
        buffer.putBack(onHead);
        onHead = null;
        printing = false;
        headCleared.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  void setPaused(boolean paused) {
    lock.lock();
    try {
      this.paused = paused;
      buffer.setHeld(this.paperOut || this.paused);
    } finally {
      lock.unlock();
    }
  }

  boolean paperOut() {
    lock.lock();
    try {
      return paperOut;
    } finally {
      lock.unlock();
    }
  }

  boolean paused() {
    lock.lock();
    try {
      return paused;
    } finally {
      lock.unlock();
    }
  }

  boolean printing() {
    return printing;
  }

  List<String> printed() {
    return printed.recent();
  }

  int printedCount() {
    return printed.total();
  }

  boolean awaitPrinted(int count, Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (printed.total() < count) {
        if (nanos <= 0) {
          return false;
        }
        nanos = printedChanged.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
