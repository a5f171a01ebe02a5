package io.printrelay.virtualprinter;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The printer's receive buffer: complete formats waiting to be printed, bounded both in count and
 * in bytes like a Zebra's.
 *
 * <p>{@link #put} blocks while the buffer is full. The connection thread calls it between socket
 * reads, so a full buffer means the socket is not read, the kernel window closes and a fast sender
 * blocks in write(): the same backpressure a real printer exerts on port 9100.
 *
 * <p>{@link #take} blocks while the buffer is empty or "held" (paper out, paused), which is how a
 * stopped printer keeps accumulating formats until the buffer fills.
 */
final class ReceiveBuffer {

  private final int maxFormats;
  private final long maxBytes;
  private final ArrayDeque<byte[]> formats = new ArrayDeque<>();
  private long bytes;
  private boolean held;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roomAvailable = lock.newCondition();
  private final Condition printable = lock.newCondition();

  ReceiveBuffer(int maxFormats, long maxBytes) {
    if (maxFormats < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("buffer limits must be positive");
    }
    this.maxFormats = maxFormats;
    this.maxBytes = maxBytes;
  }

  void put(byte[] format) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!hasRoomFor(format.length)) {
        roomAvailable.await();
      }
      formats.addLast(format);
      bytes += format.length;
      printable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  byte[] take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (formats.isEmpty() || held) {
        printable.await();
      }
      byte[] format = formats.removeFirst();
      bytes -= format.length;
      roomAvailable.signalAll();
      return format;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns a format the head took but could not print (paper ran out) to the front, so it is
   * printed first, whole, when printing resumes. Ignores the limits: it held its place before.
   */
  void putBack(byte[] format) {
    lock.lock();
    try {
      formats.addFirst(format);
      bytes += format.length;
      printable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void setHeld(boolean held) {
    lock.lock();
    try {
      this.held = held;
      printable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return formats.size();
    } finally {
      lock.unlock();
    }
  }

  boolean isFull() {
    lock.lock();
    try {
      return formats.size() >= maxFormats || bytes >= maxBytes;
    } finally {
      lock.unlock();
    }
  }

  private boolean hasRoomFor(int length) {
    // An empty buffer always takes the format, however large: refusing it would stall the
    // connection forever, whereas a real printer streams big formats through.
    return formats.isEmpty() || (formats.size() < maxFormats && bytes + length <= maxBytes);
  }
}
