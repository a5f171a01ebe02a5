package io.printrelay.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario d: many printers at once, one job each, no added round trip. Labels per second against
 * the printers' own limit, overall and while every printer was printing, and what each label cost
 * the agent.
 */
final class ManyPrintersScenario {
  private static final int SUBMITTERS = 2; // as a few Odoo workers would
  private static final Duration BUSIEST_WINDOW = Duration.ofSeconds(5);

  private ManyPrintersScenario() {}

  /** The printers scenario d needs its agent to serve. */
  static List<String> printerNames(BenchPlan plan) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= plan.printers(); i++) {
      names.add(String.format("fleet-%02d", i));
    }
    return names;
  }

  static Column run(BenchStack stack, AgentUnderTest agent, BenchPlan plan) {
    int each = plan.labelsPerPrinter();
    Column column = new Column("d: " + plan.printers() + " printers", each + " labels each, 0 ms");
    stack.proxies().roundTrip(Duration.ZERO);
    agent.startMeasuring();
    long deadline = Waits.deadlineIn(plan.manyPrintersLimit());
    List<BenchApi.Submitted> jobs = submitAll(stack.api(), agent.printers(), each);
    boolean printed =
        Waits.until(deadline, () -> agent.printers().stream().allMatch(p -> p.count() >= each));
    boolean recorded = printed && Waits.until(deadline, () -> allFinished(stack.api(), jobs));
    Waits.sleepMillis(1_000); // the agent's last writes after the jobs
    int total = agent.printers().stream().mapToInt(Paper::count).sum();
    column.usage(agent.usage(), total);
    rates(column, plan, agent.printers(), jobs, recorded);
    if (!recorded) {
      agent.cancelUnfinished(jobs.stream().map(BenchApi.Submitted::jobId).toList());
    }
    return column;
  }

  /** Submits one job per printer, a few at a time; waits for every submit even if one fails. */
  private static List<BenchApi.Submitted> submitAll(BenchApi api, List<Paper> printers, int each) {
    ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
    List<Future<BenchApi.Submitted>> futures = new ArrayList<>();
    printers.forEach(p -> futures.add(pool.submit(() -> api.submit(p.name(), each))));
    pool.shutdown();
    List<BenchApi.Submitted> jobs = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<BenchApi.Submitted> future : futures) {
      try {
        jobs.add(future.get());
      } catch (ExecutionException e) {
        failure = new IllegalStateException("a submit failed: " + e.getCause().getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pool.shutdownNow();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return jobs;
  }

  private static boolean allFinished(BenchApi api, List<BenchApi.Submitted> jobs) {
    Waits.sleepMillis(300); // a round of GETs is not free; no need to ask more often
    return jobs.stream().allMatch(job -> api.progress(job.jobId()).finished());
  }

  private static void rates(
      Column column,
      BenchPlan plan,
      List<Paper> printers,
      List<BenchApi.Submitted> jobs,
      boolean recorded) {
    int wanted = plan.labelsPerPrinter() * printers.size();
    long firstAnswer = jobs.stream().mapToLong(BenchApi.Submitted::answeredAt).min().orElseThrow();
    List<long[]> times = printers.stream().map(Paper::times).toList();
    Fleet fleet = Fleet.of(times);
    column.put(Row.PRINTER_ALONE, Figures.seconds(plan.printerTime(plan.labelsPerPrinter())));
    if (fleet.labels() == 0) {
      column.put(
          Row.LAST_LABEL, "nothing printed in " + plan.manyPrintersLimit().toSeconds() + " s");
      return;
    }
    long took = fleet.lastLabel() - firstAnswer;
    column.put(
        Row.LAST_LABEL,
        fleet.labels() < wanted
            ? "not finished in "
                + plan.manyPrintersLimit().toSeconds()
                + " s ("
                + fleet.labels()
                + " of "
                + wanted
                + ")"
            : Figures.seconds(took) + (recorded ? "" : " (API not done)"));
    column.put(Row.FIRST_LABEL, Figures.seconds(fleet.firstLabel() - firstAnswer));
    column.put(
        Row.RATE,
        Figures.rate(fleet.labels() / (took / 1e9))
            + " ("
            + Figures.rate(plan.printersLimit())
            + ")");
    int busiest = Fleet.busiest(times, BUSIEST_WINDOW.toNanos());
    column.put(Row.RATE_BUSIEST, Figures.rate(busiest / (double) BUSIEST_WINDOW.toSeconds()));
    OptionalLong window = fleet.allPrintingNanos();
    column.put(
        Row.RATE_ALL_PRINTING,
        window.isEmpty()
            ? "never all at once"
            : Figures.rate(fleet.labelsWhileAllPrinting() / (window.getAsLong() / 1e9))
                + " over "
                + Figures.seconds(window.getAsLong()));
  }
}
