package io.printrelay.agent;

import io.printrelay.agent.polling.HeldJob;
import io.printrelay.agent.polling.HeldMessages;
import io.printrelay.agent.polling.JobRouter;
import io.printrelay.agent.polling.QueuePoller;
import io.printrelay.agent.printing.PrinterWorker;
import io.printrelay.model.Priority;
import io.printrelay.queue.QueueUrls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The three queue pollers, one virtual thread each, routing to the printer workers. */
final class Pollers {
  private final List<QueuePoller> pollers;
  private final List<Thread> threads;

  private Pollers(List<QueuePoller> pollers, List<Thread> threads) {
    this.pollers = pollers;
    this.threads = threads;
  }

  static Pollers start(
      SqsClient sqs,
      QueueUrls queues,
      Duration wait,
      Duration visibility,
      Duration foreignHold,
      HeldMessages held,
      Map<String, PrinterWorker> workers) {
    JobRouter router =
        new JobRouter() {
          @Override
          public boolean serves(String printerId) {
            return workers.containsKey(printerId);
          }

          @Override
          public boolean standsBy(String printerId) {
            PrinterWorker worker = workers.get(printerId);
            return worker != null && !worker.leaseHeld();
          }

          @Override
          public void route(String printerId, HeldJob job) {
            workers.get(printerId).offer(job);
          }
        };
    List<QueuePoller> pollers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Priority priority : Priority.values()) {
      QueuePoller poller =
          new QueuePoller(sqs, queues.of(priority), wait, visibility, foreignHold, held, router);
      pollers.add(poller);
      threads.add(Thread.ofVirtual().name("poll-" + priority.wireName()).start(poller));
    }
    return new Pollers(pollers, threads);
  }

  /**
   * Ends polling once the long polls in progress return (at most the poll wait). They are not cut
   * short: SQS may hand a message to a receive whose caller has gone, hiding it for a whole
   * visibility timeout, and a graceful stop promises its messages back at once.
   */
  void stop() {
    pollers.forEach(QueuePoller::stop);
  }

  /** Cuts the long polls short (halt). */
  void interrupt() {
    stop();
    threads.forEach(Thread::interrupt);
  }

  /** Waits for the pollers to end; interrupts those still running after the timeout. */
  void await(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      try {
        if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
          thread.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
