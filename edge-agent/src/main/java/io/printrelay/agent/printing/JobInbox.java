package io.printrelay.agent.printing;

import io.printrelay.agent.polling.HeldJob;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One printer's waiting jobs and its worker's stop signal. Jobs interrupted by a crash come first;
 * then {@link NextJobChoice} picks among the held messages by their places in the table. Every wait
 * of the worker happens here, so a stop wakes it wherever it waits.
 */
final class JobInbox {
  private final QueuePlaces places;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<JobTicket> resumed = new ArrayDeque<>();
  private final List<HeldJob> waiting = new ArrayList<>();
  private JobTicket current;
  private volatile boolean stopping;
  private volatile boolean halted;

  JobInbox(QueuePlaces places) {
    this.places = places;
  }

  void resume(String jobId) {
    withLock(() -> resumed.addLast(JobTicket.resumed(jobId)));
  }

  /** A held job for this printer; the message of an interrupted job joins its ticket. */
  void offer(HeldJob job) {
    withLock(
        () -> {
          if (!attachToTicket(job)) {
            waiting.add(job);
          }
        });
  }

  private boolean attachToTicket(HeldJob job) {
    if (current != null && current.jobId().equals(job.jobId()) && current.attach(job)) {
      return true;
    }
    return resumed.stream().anyMatch(t -> t.jobId().equals(job.jobId()) && t.attach(job));
  }

  /**
   * Blocks until there is a job to run; empty once stopping. Throws when the table cannot say which
   * waiting job comes first; nothing is taken then.
   */
  Optional<JobTicket> next() {
    while (true) {
      List<HeldJob> candidates;
      lock.lock();
      try {
        while (!stopping && resumed.isEmpty() && waiting.isEmpty()) {
          changed.await();
        }
        if (stopping) {
          return Optional.empty();
        }
        if (!resumed.isEmpty()) {
          return Optional.of(run(resumed.pollFirst()));
        }
        candidates = List.copyOf(waiting);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      } finally {
        lock.unlock();
      }
      // The table is read without the lock: a poller offering a job never waits for it.
      Optional<HeldJob> chosen = NextJobChoice.fromTable(candidates, places);
      lock.lock();
      try {
        if (!stopping && resumed.isEmpty() && chosen.isPresent() && waiting.remove(chosen.get())) {
          return Optional.of(run(JobTicket.of(chosen.get())));
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private JobTicket run(JobTicket ticket) {
    current = ticket;
    return ticket;
  }

  /** The ticket could not run now (printer paused or offline): it waits again in its place. */
  void putBack(JobTicket ticket) {
    withLock(
        () -> {
          current = null;
          if (ticket.resumed()) {
            resumed.addFirst(ticket);
          } else {
            waiting.add(ticket.message());
          }
        });
  }

  void done(JobTicket ticket) {
    withLock(
        () -> {
          if (current == ticket) {
            current = null;
          }
        });
  }

  /** Waits until a job arrives, {@code max} passes or a stop; false when stopping. */
  boolean awaitChange(Duration max) {
    lock.lock();
    try {
      if (!stopping) {
        changed.await(max.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    return !stopping && !Thread.currentThread().isInterrupted();
  }

  /** Waits the whole {@code duration} unless stopped (a retry backoff); false when stopping. */
  boolean pauseFor(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    lock.lock();
    try {
      long left;
      while (!stopping && (left = deadline - System.nanoTime()) > 0) {
        changed.await(left, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    return !stopping && !Thread.currentThread().isInterrupted();
  }

  /** No new job or label starts; the label being written finishes. */
  void stop() {
    stopping = true;
    withLock(changed::signalAll);
  }

  /** As stop, and no more table writes either (a simulated crash). */
  void halt() {
    halted = true;
    stop();
  }

  boolean stopping() {
    return stopping;
  }

  boolean halted() {
    return halted;
  }

  private void withLock(Runnable action) {
    lock.lock();
    try {
      action.run();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
